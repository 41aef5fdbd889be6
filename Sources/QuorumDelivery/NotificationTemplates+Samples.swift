import QuorumDomain

extension NotificationTemplates {
    /// A complete context for `kind`: every key the kind has, with realistic values, every
    /// optional key present and every flag true, so that checking a template against it reaches
    /// every tag. It is the reference for what each kind's producer supplies (also described in
    /// `Notifications/README.md`); dates are pre-formatted in British long form.
    public static func sampleContext(for kind: Notice.Kind) -> [String: TemplateValue] {
        switch kind {
        case .actionDigest:
            return [
                "recipient_name": "Quality Assurance Manager",
                "as_of": "Wednesday 1 November 2017",
                "overdue_count": 2,
                "due_count": 1,
                "has_overdue": true,
                "has_due": true,
                "escalated": true,
                "secretary_name": "Democratic Services Officer (CYPCIB)",
                "example_ref": "1.1.2",
                "overdue": [
                    [
                        "ref": "1.1.2",
                        "action":
                            "We assess impact of learning through quality audit, supervision audit and a bi annual staff survey regarding training offer.",
                        "review_date": "31 October 2017",
                        "days_overdue": 1,
                        "overdue_by": "1 day",
                        "latest_update": "Survey has been designed and will be implemented by end of September.",
                        "latest_update_on": "15 September 2017",
                    ],
                    [
                        "ref": "1.2.3",
                        "action": "Audit of supervision records for newly qualified social workers.",
                        "review_date": "17 October 2017",
                        "days_overdue": 15,
                        "overdue_by": "15 days",
                        "latest_update": "Audit tool agreed; sample drawn.",
                        "latest_update_on": "2 October 2017",
                    ],
                ],
                "due": [
                    [
                        "ref": "1.1.4",
                        "action": "Pilot Focus on Practice Week, evaluate effectiveness and outcomes.",
                        "review_date": "6 November 2017",
                        "due_in": "in 5 days",
                        "latest_update": "Focus on Practice week completed.",
                        "latest_update_on": "15 September 2017",
                    ]
                ],
                "has_update_due": true,
                "update_due_count": 1,
                "update_due": [
                    [
                        "ref": "1.1.3",
                        "action": "Continue to ensure Practice and Performance Workshops address key themes that emerge through audit.",
                        "review_date": "Ongoing",
                        "update_due_on": "15 October 2017",
                        "latest_update": "Continue to be held quarterly with positive feedback from staff.",
                        "latest_update_on": "15 September 2017",
                    ]
                ],
            ]
        case .reportDue:
            return [
                "recipient_name": "Head of Service (Children's Social Care)",
                "report_title": "Six-monthly performance report",
                "board_name": "Overview and Scrutiny Committee (Children's Services and Safeguarding)",
                "board_code": "OSC",
                "meeting_date": "Tuesday 12 December 2017",
                "draft_due": "Monday 27 November 2017",
                "publish_by": "Monday 4 December 2017",
                "days_left": 5,
                "days_left_text": "5 working days",
                "due_today": true,
                "secretary_name": "Democratic Services Officer (OSC)",
                "secretary_email": "democratic.services@example.org",
            ]
        case .reportLate:
            return [
                "recipient_name": "Head of Service (Children's Social Care)",
                "report_title": "Six-monthly performance report",
                "board_name": "Overview and Scrutiny Committee (Children's Services and Safeguarding)",
                "board_code": "OSC",
                "meeting_date": "Tuesday 12 December 2017",
                "draft_due": "Monday 27 November 2017",
                "publish_by": "Monday 4 December 2017",
                "days_late": 2,
                "late_by": "2 working days",
                "secretary_name": "Democratic Services Officer (OSC)",
                "secretary_email": "democratic.services@example.org",
            ]
        case .reportUnscheduled:
            return [
                "recipient_name": "Democratic Services Officer (HWBB)",
                "report_title": "Annual report of the Local Safeguarding Children Board",
                "board_name": "Health and Wellbeing Board",
                "board_code": "HWBB",
                "month": "March 2018",
                "owner_name": "Independent Chair, LSCB",
            ]
        case .packPublished:
            return [
                "recipient_name": "Cabinet Member, Children, Schools and Safeguarding",
                "board_name": "Children and Young People's Continuous Improvement Board",
                "board_code": "CYPCIB",
                "meeting_date": "Wednesday 12 December 2018",
                "meeting_time": "14:00",
                "venue": "Committee Room 2, Civic Centre",
                "pack_id": "CYPCIB-2018-12-12-v2",
                "version": 2,
                "published_on": "Wednesday 5 December 2018",
                "publish_by": "Tuesday 4 December 2018",
                "download_url": "https://quorum.example.org/packs/CYPCIB-2018-12-12-v2.pdf",
                "download_command": "quorum pack get CYPCIB-2018-12-12-v2 pdf",
                "has_exempt": true,
                "exempt_command": "quorum pack get CYPCIB-2018-12-12-v2 pdf exempt",
                "late": true,
                "late_reason": "The performance report was delayed by the data system migration.",
            ]
        case .signInLink:
            return [
                "recipient_name": "Scrutiny Officer",
                "link": "https://quorum.example.org/signin/link?token=5f1c0c3e9a8d4b7e6f2a1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a",
                "minutes": 15,
            ]
        case .clearanceLate:
            return [
                "recipient_name": "Finance officer",
                "report_title": "Bi -annual Progress report Children's Social Care Performance",
                "board_name": "Overview and Scrutiny Committee (Children's Services and Safeguarding)",
                "board_code": "OSC",
                "meeting_date": "Tuesday 14 November 2017",
                "publish_by": "Monday 6 November 2017",
                "step": "clear the report for finance",
                "due": "Wednesday 1 November 2017",
                "days_late": 1,
                "late_by": "1 working day",
                "clearance_command": "quorum clearance get OSC-2017-11-14 4",
                "nobody_holds": false,
                "unheld_role": "finance",
            ]
        case .test:
            return [
                "recipient_name": "Quorum administrator",
                "sent_at": "Wednesday 1 November 2017 at 08:00",
                "host_name": "quorum.example.org",
            ]
        }
    }
}
