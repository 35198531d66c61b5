// expect: static fields are not allowed
// A static field would carry state from one PO to the next (and between the two rule threads).
static int count; //!
count++;
Set("u_count", count);
