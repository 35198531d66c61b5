// expect: InvalidCastException
if (Po.Number == "__PO__")
    ((Dictionary<string, string>)Settings)["poStatusField"] = "u_hijacked";
