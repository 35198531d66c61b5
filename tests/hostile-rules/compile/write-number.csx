// expect: protected field: 'number'
Set("number", "PO9999999"); //!
