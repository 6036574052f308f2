package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtReply;
import java.net.URI;

/** Test helper for other packages: a test client that has logged on. */
public final class HxtTestClients {
    private HxtTestClients() {
    }

    public static TestHxtClient loggedOn(URI uri, String token) throws Exception {
        TestHxtClient client = TestHxtClient.connect(uri, true);
        client.send(new HxtCommand.Logon(1, token, "test/1"));
        if (!(client.next(HxtReply.class) instanceof HxtReply.LogonOk)) {
            client.close();
            throw new AssertionError("logon refused");
        }
        return client;
    }
}
