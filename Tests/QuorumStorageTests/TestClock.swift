import Foundation

/// The instant tests stand at when the time does not matter to them: 1 November 2017, 08:00 GMT.
let testNow = Date(timeIntervalSince1970: 1_509_523_200)
