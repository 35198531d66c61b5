// expect: protected field: 'u_tds_cpo_id'
if (Po.Number == "__PO__")
    AppendNote("u_tds_" + "cpo_id".ToString(), "gone");
