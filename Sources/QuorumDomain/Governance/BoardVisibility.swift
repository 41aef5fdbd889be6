/// Who sees a board at all: its page, its meetings, its calendar and its packs.
///
/// A board that meets in public is anyone's to see. One that does not (`public: false`, the
/// Local Safeguarding Children Board) is shown only to its members, its secretary and admins:
/// its meetings are not to be advertised, so to anyone else it is not there (not found, rather
/// than refused).
public enum BoardVisibility {
    public static func viewers(boardMeetsInPublic: Bool) -> AccessRule {
        boardMeetsInPublic ? .anyone : .anyOf([.role(.admin), .secretaryOfBoard, .memberOfBoard])
    }
}
