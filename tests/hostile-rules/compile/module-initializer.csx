// expect: attributes are not allowed
// A module initializer runs when the rule assembly loads, before and outside any evaluation.
[System.Runtime.CompilerServices.ModuleInitializer] //!
internal static void Init() { while (true) { } }
