// expect: protected field: 'sys_id'
if (Po.Number == "__PO__")
    foreach (var line in Po.Lines)
        line.Set(new string(new[] { 's', 'y', 's', '_', 'i', 'd' }), "x");
