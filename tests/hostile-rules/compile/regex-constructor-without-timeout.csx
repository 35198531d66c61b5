// expect: Regex needs a timeout
var re = new System.Text.RegularExpressions.Regex("(a+)+$"); //!
