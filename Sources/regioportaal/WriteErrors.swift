import Foundation
import Regioportaal

/// A failed write as a Dutch message naming the path, instead of Foundation's raw error
/// (`NSCocoaErrorDomain error 512`), which tells staff nothing.
func writeFailure(_ error: Error, path: String) -> Diagnostic {
    let ns = error as NSError
    let posix = ns.domain == NSPOSIXErrorDomain ? Int32(ns.code)
        : (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
    let reason: String
    switch posix {
    case EACCES, EPERM: reason = "u hebt geen toestemming om daar te schrijven"
    case ENOENT: reason = "de map waarin het moet komen bestaat niet"
    case ENOTDIR: reason = "een deel van het pad is een bestand, geen map"
    case EISDIR: reason = "op die plaats staat een map"
    case ENOSPC, EDQUOT: reason = "de schijf is vol"
    case EROFS: reason = "die schijf is alleen-lezen"
    case ENAMETOOLONG: reason = "de naam is te lang"
    case let code?: reason = String(cString: strerror(code))
    case nil:
        switch (error as? CocoaError)?.code {
        case .fileWriteNoPermission?: reason = "u hebt geen toestemming om daar te schrijven"
        case .fileWriteOutOfSpace?: reason = "de schijf is vol"
        case .fileWriteVolumeReadOnly?: reason = "die schijf is alleen-lezen"
        case .fileNoSuchFile?: reason = "de map waarin het moet komen bestaat niet"
        default: reason = "het schrijven lukte niet"
        }
    }
    return .error("kan \(path) niet schrijven: \(reason)", at: nil, hint: "kies met --output een andere plaats, of los het probleem hierboven op")
}
