// expect: may not derive from 'System.Exception'
// An exception whose Message throws would throw again while the connector reports the failure.
class Boom : Exception { public override string Message => throw new Boom(); } //!
if (Po.Number == "PO0000001") throw new Boom();
