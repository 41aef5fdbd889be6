extension CoverReport {
    /// "Implications of the Proposals".
    public struct Implications: Hashable, Sendable {
        /// "Resource Implications (Financial, IT, Staffing and Assets)".
        public var resource: String?
        /// "Legal Implications".
        public var legal: String?
        /// "Equality Implications".
        public var equality: String?

        public init(resource: String? = nil, legal: String? = nil, equality: String? = nil) {
            self.resource = resource
            self.legal = legal
            self.equality = equality
        }
    }

    /// "What consultations have taken place on the proposals and when?"
    public struct Consultations: Hashable, Sendable {
        /// "(A) Internal Consultations": within the council (finance, legal).
        public var `internal`: String?
        /// "(B) External Consultations".
        public var external: String?

        public init(internal: String? = nil, external: String? = nil) {
            self.internal = `internal`
            self.external = external
        }
    }

    /// "Contact Officer": a role, never a person's name, with the address that reaches it.
    public struct ContactOfficer: Hashable, Sendable {
        /// The officer's role: "Head of Children's Social Care".
        public var role: String
        /// Their email address.
        public var email: String?
        /// Their telephone number, as written.
        public var telephone: String?

        public init(role: String, email: String? = nil, telephone: String? = nil) {
            self.role = role
            self.email = email
            self.telephone = telephone
        }
    }
}
