import Foundation
import FoundationNetworking
var c = URLComponents(); c.scheme = "http"; c.percentEncodedHost = "[::1]"; c.port = 1; c.path = "/"
print(c.url as Any, c.url?.host as Any)
let u = URL(string: "http://[::1]:1/")!
print(u.host as Any)
