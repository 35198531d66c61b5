// expect: error CS0234
// Its assembly is not referenced at all, so it cannot even bind.
var client = new System.Net.Http.HttpClient(); //!
