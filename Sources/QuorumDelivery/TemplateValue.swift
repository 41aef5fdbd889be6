import Foundation

/// A value in a notice's template context: what a template can show, test or repeat.
///
/// It is `Sendable` and `Codable` (as plain JSON), so that a context can be stored in the
/// outbox with its row and rendered when the row is sent.
///
/// ```swift
/// let context: [String: TemplateValue] = [
///     "recipient_name": "QA Manager",
///     "overdue": [["ref": "1.1.4", "action": "Audit case files", "days_overdue": 12]],
/// ]
/// ```
public enum TemplateValue: Hashable, Sendable, Codable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// Absent: a section on it is skipped and an inverted section shown.
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TemplateValue].self) {
            self = .list(value)
        } else {
            self = .object(try container.decode([String: TemplateValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The plain Swift value swift-mustache renders: `String`, `Int`, `Double`, `Bool`,
    /// `[Any]` and `[String: Any]`; nulls are left out of dictionaries, so that
    /// `{{#key}}…{{/key}}` is skipped for them.
    public var mustacheValue: Any? {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .list(let values): values.compactMap(\.mustacheValue)
        case .object(let values): values.compactMapValues(\.mustacheValue)
        case .null: nil
        }
    }
}

extension TemplateValue {
    /// The same value with every boolean in it negated.
    var negatingFlags: TemplateValue {
        switch self {
        case .bool(let value): .bool(!value)
        case .list(let values): .list(values.map(\.negatingFlags))
        case .object(let values): .object(values.mapValues(\.negatingFlags))
        default: self
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
