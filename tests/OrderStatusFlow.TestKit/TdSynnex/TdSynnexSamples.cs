namespace OrderStatusFlow.TestKit.TdSynnex;

/// <summary>TD SYNNEX sample payloads in the documented PO Status and invoice XML shapes, with our own values.</summary>
public static class TdSynnexSamples
{
    /// <summary>Accepted: line 1 released, line 2 back-ordered with ETA.</summary>
    public const string SampleA = """
<?xml version="1.0" encoding="UTF-8"?>
<SynnexB2B version="2.7">
  <OrderStatusResponse>
    <CustomerNumber>784512</CustomerNumber>
    <PONumber>PO0010457</PONumber>
    <Code>accepted</Code>
    <Reason />
    <PODatetime>2025-03-03T09:14:52</PODatetime>
    <ResponseDateTime>2025-03-04T06:02:11</ResponseDateTime>
    <Items>
      <Item lineNumber="1">
        <Code>accepted</Code>
        <ShipDatetime />
        <OrderNumber>151204467</OrderNumber>
        <OrderType>SO</OrderType>
        <OrderQuantity>4</OrderQuantity>
        <UnitPrice>1129.5</UnitPrice>
        <SKU>8123456</SKU>
        <MfgPN>20XW00ABUS</MfgPN>
        <ProductName>LENOVO THINKPAD T14 G4 I7 16GB 512GB</ProductName>
        <ShipQuantity>0</ShipQuantity>
        <ShipFromWarehouse>14</ShipFromWarehouse>
        <ShipFromCity>Grove City</ShipFromCity>
        <ShipFromState>OH</ShipFromState>
        <ShipFromZip>43123</ShipFromZip>
        <ShipMethod>FG</ShipMethod>
        <ShipMethodDescription>FedEx Ground</ShipMethodDescription>
        <Freight>0.0</Freight><HandlingFee>0.0</HandlingFee><Tax>0.0</Tax><RecyclingFee>0.0</RecyclingFee>
        <EstimateDeliveryDate></EstimateDeliveryDate>
        <EstimatedShipDate>2025-03-05</EstimatedShipDate>
        <EstimatedShipDateCode></EstimatedShipDateCode>
        <Packages></Packages>
      </Item>
      <Item lineNumber="2">
        <Code>accepted</Code>
        <ShipDatetime />
        <OrderNumber>151204468</OrderNumber>
        <OrderType>BO</OrderType>
        <OrderQuantity>2</OrderQuantity>
        <UnitPrice>289.0</UnitPrice>
        <SKU>7345120</SKU>
        <MfgPN>40B00135US</MfgPN>
        <ProductName>LENOVO THINKPAD UNIVERSAL USB-C DOCK</ProductName>
        <ShipQuantity>0</ShipQuantity>
        <ShipFromWarehouse>7</ShipFromWarehouse>
        <ShipFromCity>Olive Branch</ShipFromCity>
        <ShipFromState>MS</ShipFromState>
        <ShipFromZip>38654</ShipFromZip>
        <ShipMethod>NL</ShipMethod>
        <ShipMethodDescription>Hold Order</ShipMethodDescription>
        <ETADate>2025-03-21</ETADate>
        <Freight>0.0</Freight><HandlingFee>0.0</HandlingFee><Tax>0.0</Tax><RecyclingFee>0.0</RecyclingFee>
        <EstimateDeliveryDate></EstimateDeliveryDate>
        <EstimatedShipDate>2025-03-20</EstimatedShipDate>
        <EstimatedShipDateCode></EstimatedShipDateCode>
        <Packages></Packages>
      </Item>
    </Items>
    <ResponseElapsedTime>0.412s</ResponseElapsedTime>
  </OrderStatusResponse>
</SynnexB2B>
""";

    /// <summary>Partial: line 1 split, 3 of 5 shipped in two packages, 2 back-ordered.</summary>
    public const string SampleB = """
<SynnexB2B version="2.7">
  <OrderStatusResponse>
    <CustomerNumber>784512</CustomerNumber>
    <PONumber>PO0010461</PONumber>
    <Code>accepted</Code>
    <Reason />
    <PODatetime>2025-03-01T11:40:03</PODatetime>
    <ResponseDateTime>2025-03-04T06:05:37</ResponseDateTime>
    <Items>
      <Item lineNumber="1">
        <Code>shipped</Code>
        <ShipDatetime>2025-03-03T16:22:48</ShipDatetime>
        <OrderNumber>151198020</OrderNumber>
        <OrderType>SO</OrderType>
        <OrderQuantity>3</OrderQuantity>
        <UnitPrice>642.75</UnitPrice>
        <SKU>6650021</SKU>
        <MfgPN>9X8K2UT#ABA</MfgPN>
        <ProductName>HP ELITEDESK 800 G9 SFF</ProductName>
        <ShipQuantity>3</ShipQuantity>
        <ShipFromWarehouse>3</ShipFromWarehouse>
        <ShipFromCity>Fremont</ShipFromCity><ShipFromState>CA</ShipFromState><ShipFromZip>94538</ShipFromZip>
        <ShipMethod>FG</ShipMethod>
        <ShipMethodDescription>FedEx Ground</ShipMethodDescription>
        <Freight>18.4</Freight><HandlingFee>0.0</HandlingFee><Tax>0.0</Tax><RecyclingFee>0.0</RecyclingFee>
        <EstimateDeliveryDate></EstimateDeliveryDate><EstimatedShipDate></EstimatedShipDate><EstimatedShipDateCode></EstimatedShipDateCode>
        <Packages>
          <Package>
            <TrackingNumber>772019384455</TrackingNumber>
            <Weight>21.3</Weight>
            <ShipItemQuantity>2</ShipItemQuantity>
            <SerialNo>MXL4091KQ2</SerialNo>
            <SerialNo>MXL4091KQ7</SerialNo>
          </Package>
          <Package>
            <TrackingNumber>772019384466</TrackingNumber>
            <Weight>10.7</Weight>
            <ShipItemQuantity>1</ShipItemQuantity>
            <SerialNo>MXL4091KR0</SerialNo>
          </Package>
        </Packages>
      </Item>
      <Item lineNumber="1">
        <Code>accepted</Code>
        <ShipDatetime />
        <OrderNumber>151198021</OrderNumber>
        <OrderType>BO</OrderType>
        <OrderQuantity>2</OrderQuantity>
        <UnitPrice>642.75</UnitPrice>
        <SKU>6650021</SKU>
        <MfgPN>9X8K2UT#ABA</MfgPN>
        <ProductName>HP ELITEDESK 800 G9 SFF</ProductName>
        <ShipQuantity>0</ShipQuantity>
        <ShipFromWarehouse>12</ShipFromWarehouse>
        <ShipFromCity>Ontario</ShipFromCity><ShipFromState>CA</ShipFromState><ShipFromZip>91761</ShipFromZip>
        <ShipMethod>FG</ShipMethod>
        <ShipMethodDescription>FedEx Ground</ShipMethodDescription>
        <ETADate>2025-03-14</ETADate>
        <Freight>0.0</Freight><HandlingFee>0.0</HandlingFee><Tax>0.0</Tax><RecyclingFee>0.0</RecyclingFee>
        <EstimateDeliveryDate></EstimateDeliveryDate><EstimatedShipDate>2025-03-13</EstimatedShipDate><EstimatedShipDateCode></EstimatedShipDateCode>
        <Packages></Packages>
      </Item>
    </Items>
    <ResponseElapsedTime>0.287s</ResponseElapsedTime>
  </OrderStatusResponse>
</SynnexB2B>
""";

    /// <summary>Invoiced header with one deleted line (no ShipFrom elements).</summary>
    public const string SampleC = """
<SynnexB2B version="2.7">
  <OrderStatusResponse>
    <CustomerNumber>784512</CustomerNumber>
    <PONumber>PO0010388</PONumber>
    <Code>invoiced</Code>
    <Reason></Reason>
    <PODatetime></PODatetime>
    <ResponseDateTime>2025-03-04T06:09:50</ResponseDateTime>
    <Items>
      <Item lineNumber="1">
        <Code>invoiced</Code>
        <ShipDatetime>2025-02-20T14:03:17</ShipDatetime>
        <OrderNumber>150877310</OrderNumber>
        <OrderType>SO</OrderType>
        <OrderQuantity>10</OrderQuantity>
        <UnitPrice>54.2</UnitPrice>
        <SKU>5523310</SKU>
        <MfgPN>JL484A</MfgPN>
        <ProductName>ARUBA 10G SFP+ LC SR XCVR</ProductName>
        <ShipQuantity>10</ShipQuantity>
        <ShipFromWarehouse>98</ShipFromWarehouse>
        <ShipFromCity>Fremont</ShipFromCity><ShipFromState>CA</ShipFromState><ShipFromZip>94538</ShipFromZip>
        <ShipMethod>UPSN</ShipMethod>
        <ShipMethodDescription>UPS GROUND</ShipMethodDescription>
        <Freight>0.0</Freight><HandlingFee>0.0</HandlingFee><Tax>0.0</Tax><RecyclingFee>0.0</RecyclingFee>
        <EstimateDeliveryDate></EstimateDeliveryDate><EstimatedShipDate></EstimatedShipDate><EstimatedShipDateCode></EstimatedShipDateCode>
        <Packages>
          <Package>
            <TrackingNumber>1Z4F92W80312345678</TrackingNumber>
            <Weight>3.1</Weight>
            <ShipItemQuantity>10</ShipItemQuantity>
            <SerialNo>CN41KX1A01</SerialNo><SerialNo>CN41KX1A02</SerialNo><!-- …8 more… -->
          </Package>
        </Packages>
      </Item>
      <Item lineNumber="2">
        <Code>deleted</Code>
        <ShipDatetime></ShipDatetime>
        <OrderNumber>150877311</OrderNumber>
        <OrderType>QO</OrderType>
        <OrderQuantity>1</OrderQuantity>
        <UnitPrice>410.0</UnitPrice>
        <SKU>7137001</SKU>
        <MfgPN>H1ZZ3E</MfgPN>
        <ProductName>HPE 1Y FC NBD EXCH SVC</ProductName>
        <ShipQuantity>0</ShipQuantity>
        <ShipMethod>FG</ShipMethod>
        <ShipMethodDescription>FedEx Ground</ShipMethodDescription>
        <Freight>0.0</Freight><HandlingFee>0.0</HandlingFee><Tax>0.0</Tax><RecyclingFee>0.0</RecyclingFee>
        <EstimateDeliveryDate></EstimateDeliveryDate><EstimatedShipDate></EstimatedShipDate><EstimatedShipDateCode></EstimatedShipDateCode>
        <Packages></Packages>
      </Item>
    </Items>
    <ResponseElapsedTime>1.204s</ResponseElapsedTime>
  </OrderStatusResponse>
</SynnexB2B>
""";

    /// <summary>notFound header with empty Items.</summary>
    public const string SampleD = """
<SynnexB2B version="2.7">
  <OrderStatusResponse>
    <CustomerNumber>784512</CustomerNumber>
    <PONumber>PO0099999</PONumber>
    <Code>notFound</Code>            <!-- or: rejected | deleted -->
    <Reason />
    <PODatetime />
    <ResponseDateTime>2025-03-04T06:11:02</ResponseDateTime>
    <Items />
    <ResponseElapsedTime>0.371s</ResponseElapsedTime>
  </OrderStatusResponse>
</SynnexB2B>
""";

    /// <summary>Invoice query answer for PO0010388.</summary>
    public const string InvoiceSample = """
<SynnexB2B>
  <InvoiceResponse>
    <CustomerPONumber>PO0010388</CustomerPONumber>
    <Invoice>
      <InvoiceNumber>90412277</InvoiceNumber>
      <InvoiceDate>2025-02-21</InvoiceDate>
      <OrderType>SO</OrderType>
      <ShipMethodCode>UPSN</ShipMethodCode>
      <ShipMethodDesc>UPS GROUND</ShipMethodDesc>
      <ShipDate>2025-02-20</ShipDate>
      <InternalReferenceNumber>150877310</InternalReferenceNumber>
      <Tracking><TrackNumber>1Z4F92W80312345678</TrackNumber></Tracking>
      <Items>
        <Item>
          <LineNumber>1</LineNumber><ShipQuantity>10</ShipQuantity><UnitPrice>54.20</UnitPrice>
          <SKU>5523310</SKU><ManuafacturerPartNumber>JL484A</ManuafacturerPartNumber>
          <ProductDescription>ARUBA 10G SFP+ LC SR XCVR</ProductDescription>
          <SerialNo>SN: CN41KX1A01</SerialNo><SerialNo>SN: CN41KX1A02</SerialNo>
        </Item>
      </Items>
      <Summary>
        <TotalInvoiceAmount>556.40</TotalInvoiceAmount><SalesTax>0.00</SalesTax><Freight>14.40</Freight>
        <MinOrderFee>0.00</MinOrderFee><ProcessingFee>0.00</ProcessingFee><BoxCharge>0.00</BoxCharge><RecyclingFee>0.00</RecyclingFee>
      </Summary>
    </Invoice>
  </InvoiceResponse>
</SynnexB2B>
""";

    /// <summary>ErrorMessage/ErrorDetail: unregistered IP.</summary>
    public const string IpInvalid = """
<?xml version="1.0" encoding="UTF-8"?>
<SynnexB2B>
  <OrderStatusResponse>
    <ErrorMessage>IP Address Invalid</ErrorMessage>
    <ErrorDetail>IP address:203.0.113.24 not defined. We only accept requests from registered IP addresses.</ErrorDetail>
  </OrderStatusResponse>
</SynnexB2B>
""";
}
