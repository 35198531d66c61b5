// expect: is not allowed in rules
var timer = TimeProvider.System.CreateTimer(_ => { while (true) { } }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1)); //!
