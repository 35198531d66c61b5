// expect: error CS0234
// Its assembly is not referenced at all, so it cannot even bind.
System.Threading.Tasks.Parallel.For(0, 8, _ => { while (true) { } }); //!
