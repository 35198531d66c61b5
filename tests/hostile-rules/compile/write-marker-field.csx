// expect: protected field: 'u_tds_cpo_id'
Set(field: "u_tds_cpo_id", value: ""); //!
