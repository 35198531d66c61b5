// expect: System.String.Intern
var kept = string.Intern(Po.Number + DateTime.UtcNow.Ticks); //!
