namespace GateController.Hardware.Nfc;

/// <summary>Which module, on which bus.</summary>
public enum NfcModule
{
    /// <summary>NXP MFRC522 (the ubiquitous "RC522" board) on SPI.</summary>
    Mfrc522Spi,

    /// <summary>NXP PN532 on I2C (address 0x24), board switches set to I2C.</summary>
    Pn532I2c,

    /// <summary>NXP PN532 on a UART (HSU mode, 115200 baud), board switches set to HSU.</summary>
    Pn532Uart,
}
