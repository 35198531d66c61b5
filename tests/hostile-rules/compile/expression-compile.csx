// expect: error CS0234
// Its assembly is not referenced at all, so it cannot even bind.
System.Linq.Expressions.Expression<Func<int>> e = () => 1; //!
