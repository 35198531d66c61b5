// expect: NotSupportedException
// Tries to redirect every later PO's status to another field; the settings are read-only.
if (Po.Number == "__PO__")
    ((IDictionary<string, string>)Settings)["poStatusField"] = "u_hijacked";
