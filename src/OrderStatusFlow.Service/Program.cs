// Composition root; the verbs are being wired up (see README).
return 2;
