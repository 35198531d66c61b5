// expect: 'System.Type' is not allowed
var assembly = Po.GetType(); //!
