// expect: Regex needs a timeout
var slow = System.Text.RegularExpressions.Regex.IsMatch(new string('a', 40) + "!", "(a+)+$"); //!
