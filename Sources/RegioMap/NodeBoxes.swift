/// Box sizes from wrapped text, and the position of every text line inside a placed box.
extension LayeredLayout {
    struct Box {
        var labelLines: [String]
        var annotationLines: [[String]]
        /// The marker of each entry of `annotationLines`.
        var markers: [String]
        var tag: String?
        /// Height of the band the tag sits in, at the top of the box; 0 without a tag.
        var tagBandHeight: Double
        var width: Double
        var height: Double
        var markerWidth: Double
    }

    static func measure(_ node: MapNode, _ o: LayoutOptions) -> Box {
        let labelLines = TextMetrics.wrap(node.label, fontSize: o.fontSize, maxWidth: o.maxLabelWidth)
        let markers = node.annotations.indices.map { $0 < node.annotationMarkers.count ? node.annotationMarkers[$0] : o.annotationMarker }
        // The widest marker sets the indent, so continuation lines of all annotations align.
        let markerWidth = markers.map { TextMetrics.width($0, fontSize: o.annotationFontSize) }.max()
            ?? TextMetrics.width(o.annotationMarker, fontSize: o.annotationFontSize)
        let wrapped = zip(node.annotations, markers).map {
            (TextMetrics.wrap($0.0, fontSize: o.annotationFontSize, maxWidth: max(o.maxLabelWidth - markerWidth, o.annotationFontSize)), $0.1)
        }.filter { !$0.0.isEmpty }
        let annotationLines = wrapped.map(\.0)
        let tag = node.tag.flatMap { $0.isEmpty ? nil : $0 }
        var content = 2 * o.fontSize
        if let tag { content = max(content, TextMetrics.width(tag, fontSize: o.annotationFontSize, bold: true)) }
        for line in labelLines { content = max(content, TextMetrics.width(line, fontSize: o.fontSize)) }
        for lines in annotationLines {
            for line in lines { content = max(content, markerWidth + TextMetrics.width(line, fontSize: o.annotationFontSize)) }
        }
        let tagBandHeight = tag == nil ? 0 : (o.annotationFontSize * o.lineHeight + o.padding / 2).rounded(.up)
        var height = tagBandHeight + 2 * o.padding + Double(max(1, labelLines.count)) * o.fontSize * o.lineHeight
        let annotationCount = annotationLines.reduce(0) { $0 + $1.count }
        if annotationCount > 0 {
            height += annotationGap(o) + Double(annotationCount) * o.annotationFontSize * o.lineHeight
        }
        return Box(labelLines: labelLines, annotationLines: annotationLines, markers: wrapped.map(\.1), tag: tag, tagBandHeight: tagBandHeight, width: (content + 2 * o.padding).rounded(.up),
                   height: height.rounded(.up), markerWidth: markerWidth)
    }

    private static func annotationGap(_ o: LayoutOptions) -> Double { o.annotationFontSize * 0.4 }

    /// Baseline that centres a line's ink box (0.8 em ascent, 0.25 em descent) in its line box.
    static func baseline(lineTop: Double, _ lineHeight: Double, _ fontSize: Double) -> Double {
        lineTop + (lineHeight - 1.05 * fontSize) / 2 + 0.8 * fontSize
    }

    static func texts(_ box: Box, _ rect: Rect, _ o: LayoutOptions) -> [PlacedText] {
        var result: [PlacedText] = []
        if let tag = box.tag {
            // Centred in the band, start-aligned like the annotations below.
            let lineHeight = o.annotationFontSize * o.lineHeight
            result.append(PlacedText(text: tag, marker: "", x: rect.x + o.padding,
                                     y: baseline(lineTop: rect.y + (box.tagBandHeight - lineHeight) / 2, lineHeight, o.annotationFontSize),
                                     width: TextMetrics.width(tag, fontSize: o.annotationFontSize, bold: true), fontSize: o.annotationFontSize,
                                     anchor: .start, kind: .tag))
        }
        let labelHeight = o.fontSize * o.lineHeight
        var top = rect.y + box.tagBandHeight + o.padding
        for line in box.labelLines {
            result.append(PlacedText(text: line, marker: "", x: rect.midX, y: baseline(lineTop: top, labelHeight, o.fontSize),
                                     width: TextMetrics.width(line, fontSize: o.fontSize), fontSize: o.fontSize,
                                     anchor: .middle, kind: .label))
            top += labelHeight
        }
        if box.labelLines.isEmpty { top += labelHeight }
        if !box.annotationLines.isEmpty { top += annotationGap(o) }
        let annotationHeight = o.annotationFontSize * o.lineHeight
        for (lines, marker) in zip(box.annotationLines, box.markers) {
            for (i, line) in lines.enumerated() {
                let textWidth = TextMetrics.width(line, fontSize: o.annotationFontSize)
                result.append(PlacedText(
                    text: line, marker: i == 0 ? marker : "",
                    x: rect.x + o.padding + (i == 0 ? 0 : box.markerWidth),
                    y: baseline(lineTop: top, annotationHeight, o.annotationFontSize),
                    width: i == 0 ? box.markerWidth + textWidth : textWidth,
                    fontSize: o.annotationFontSize, anchor: .start, kind: .annotation))
                top += annotationHeight
            }
        }
        return result
    }
}
