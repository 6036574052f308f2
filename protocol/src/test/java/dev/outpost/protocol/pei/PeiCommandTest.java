package dev.outpost.protocol.pei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Command lines and SDS bodies, byte for byte (docs/protocols/pei.md section 4). */
class PeiCommandTest {
    @Test
    void initAndParameterCommands() {
        assertEquals(List.of("AT", "ATE0", "AT+CTSP=1,2,20", "AT+CTSP=1,3,130", "AT+CTSDS=13,0",
                "AT+CTSDS=12,0,0,0,1"), List.of(new PeiCommand.Attention().line(), new PeiCommand.EchoOff().line(),
                PeiCommand.SetServiceProfile.status().line(), PeiCommand.SetServiceProfile.textMessaging().line(),
                PeiCommand.SetSdsParameters.status().line(), PeiCommand.SetSdsParameters.sdsTl().line()));
    }

    @Test
    void statusSend() {
        PeiCommand.SendSds send = PeiCommand.SendSds.status(2345678, 0x8004);
        assertEquals("AT+CMGS=2345678,16", send.line());
        assertEquals("8004", send.bodyHex());
    }

    /** 82 = text messaging, 04 = transfer asking for a receipt report, 2A = message reference, 01 = ISO 8859-1. */
    @Test
    void textWithDeliveryReportRequest() {
        PeiCommand.SendSds send = PeiCommand.SendSds.textWithReport(1234567, 42, 1, "Hi");
        assertEquals("AT+CMGS=1234567,48", send.line());
        assertEquals("82042A014869", send.bodyHex());
    }

    @Test
    void badCommandsAreRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new PeiCommand.Custom("ATD\r123"));
        assertThrows(IllegalArgumentException.class, () -> new PeiCommand.Custom("+CTSP"));
        assertThrows(IllegalArgumentException.class, () -> PeiCommand.SendSds.status(0x1000000L, 1));
        assertThrows(IllegalArgumentException.class, () -> new PeiCommand.SendSds(TetraIdentity.ssi(1), 24, "8004"));
    }

    @Test
    void tsiNamesItsSsiInTheLastEightDigits() {
        assertEquals(23404L, new TetraIdentity("09011638300023404", IdentityType.TSI).ssi().getAsLong());
        assertEquals(true, new TetraIdentity("123", IdentityType.PSTN).ssi().isEmpty());
    }
}
