import HTTPTypes

/// A form the meeting page or a decision's page offers, laid out for the `form` partial: its
/// fields with their labels, hints and, after a refused post, the values sent and the error on
/// the field at fault. Field ids are the form's id and the field's name, so the error summary
/// links to each.
struct PortalForm: Sendable {
    /// Unique on its page: `clearance-4-finance`.
    let id: String
    let action: String
    let button: String
    var hidden: [(name: String, value: String)] = []
    var fields: [Field] = []
    /// A short line above the fields.
    var intro: String? = nil

    struct Field: Sendable {
        enum Kind: Sendable {
            case text, email, date, textarea
            case select([(value: String, label: String)])
            case radios([(value: String, label: String)])
            case checkbox
        }

        let name: String
        let label: String
        var hint: String? = nil
        var kind: Kind = .text
        /// The value before anything is sent (a checkbox: "yes" for ticked).
        var initial: String = ""
        var autocomplete: String? = nil
    }

    func fieldID(_ name: String) -> String { "\(id)-\(name)" }

    /// The form's values for its template; `problem` fills in what was sent and the error when it is this form's.
    func values(csrf: String, problem: FormProblem?) -> [String: Any] {
        let mine = problem?.form == id ? problem : nil
        let fieldValues: [[String: Any]] = fields.map { field in
            let fieldID = fieldID(field.name)
            let value = mine.map { $0.values[field.name] ?? "" } ?? field.initial
            let error = mine?.field == field.name ? mine?.message : nil
            // Every key is set: a missing one would be looked up in the enclosing sections.
            var row: [String: Any] = [
                "id": fieldID, "name": field.name, "label": field.label, "hint": field.hint ?? "", "hasHint": field.hint != nil,
                "value": value, "hasError": error != nil, "error": error ?? "", "errorID": "\(fieldID)-error",
                "autocomplete": field.autocomplete ?? "off",
                "isInput": false, "isTextarea": false, "isSelect": false, "isRadios": false, "isCheckbox": false, "type": "text",
                "options": [[String: Any]](), "checked": false,
            ]
            switch field.kind {
            case .text: row["isInput"] = true
            case .email:
                row["isInput"] = true
                row["type"] = "email"
            case .date:
                row["isInput"] = true
                row["type"] = "date"
            case .textarea: row["isTextarea"] = true
            case .select(let options):
                row["isSelect"] = true
                row["options"] = options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] }
            case .radios(let options):
                row["isRadios"] = true
                // The first option carries the field's id, so the error summary's link lands on the group.
                row["options"] = options.enumerated().map { index, option in
                    [
                        "optionID": index == 0 ? fieldID : "\(fieldID)-\(option.value)", "value": option.value, "label": option.label,
                        "checked": option.value == value, "name": field.name,
                    ] as [String: Any]
                }
            case .checkbox:
                row["isCheckbox"] = true
                row["checked"] = value == "yes"
            }
            return row
        }
        // A refusal of the whole step (not of one field) stands by the button.
        let formError = mine.flatMap { problem in fields.contains { $0.name == problem.field } ? nil : problem.message }
        return [
            "formID": id, "action": action, "button": button, "csrf": csrf, "intro": intro ?? "", "hasIntro": intro != nil,
            "hidden": hidden.map { ["name": $0.name, "value": $0.value] }, "fields": fieldValues,
            "hasFormError": formError != nil, "formError": formError ?? "", "buttonID": "\(id)-submit",
        ]
    }
}

/// A post the core refused for its input or its state: the page again, with the form's values
/// and the message on the field at fault.
struct FormProblem: Sendable {
    /// The id of the form (``PortalForm/id``).
    var form: String
    /// The name of the field at fault.
    var field: String
    var message: String
    /// What was sent, by field name.
    var values: [String: String]
    var status: HTTPResponse.Status = .badRequest

    /// The error summary's entry: the message, linked to its field.
    var summary: [String: Any] { ["field": "\(form)-\(field)", "message": message] }
}

extension String {
    /// `report:OSC/performance/2017-11` → `report-OSC-performance-2017-11`: a key as part of an HTML id.
    var htmlIDPart: String {
        String(map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
