import RegioTemplates

/// The page contexts, built as `[String: Any]`, as the typed tree the compiled templates take.
/// One pass per page; a value of a type templates cannot show is a programming error.
enum TemplateData {
    static func value(_ any: Any) -> TemplateValue {
        switch any {
        case let string as String: return .string(string)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(number)
        case let number as Double: return .double(number)
        case let object as [String: Any]: return .object(object.mapValues(value))
        case let list as [Any]: return .list(list.map(value))
        case let value as TemplateValue: return value
        default: preconditionFailure("template data of type \(type(of: any))")
        }
    }
}
