// expect: protected field: 'sys_updated_by'
foreach (var line in Po.Lines)
    line.Set("sys_updated_by", "rule"); //!
