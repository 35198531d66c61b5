// expect: System.Random
var n = Random.Shared.Next(); //!
