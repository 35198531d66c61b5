// expect: goto is not allowed
again: goto again; //!
