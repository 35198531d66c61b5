// expect: protected field: 'status'
const string Status = "status";
Set(Status, "received"); //!
