// expect: connector internals
var result = OrderStatusFlow.Rules.Compilation.RuleCompiler.CompileDirectory("/"); //!
