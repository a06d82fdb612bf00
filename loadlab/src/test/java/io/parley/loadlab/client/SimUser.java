package io.parley.loadlab.client;

import java.net.URI;
import java.util.List;

/**
 * One simulated user as the set-up left it.
 *
 * @param index          position in the population (gives its phone and its gateway)
 * @param userId         the account's id
 * @param gateway        the gateway it logs in to and connects to
 * @param peerId         whom it writes to in a direct chat; 0 in a group
 * @param conversationId the conversation it writes in
 * @param recipients     who should get what it sends
 * @param baselineSeq    the conversation's last seq before this run (history after it is this run's)
 * @param token          the access token the set-up's login got (valid for the gateways' token
 *                       TTL, 15 minutes by default): a scenario that measures connects only
 *                       connects with it instead of logging in again
 */
public record SimUser(int index, String phone, String password, long userId, URI gateway,
                      long peerId, String conversationId, List<Long> recipients,
                      long baselineSeq, String token) {
    public String sendFrame(String clientMsgId, String text) {
        String target = peerId != 0 ? "\"to\":" + peerId
                : "\"conversationId\":\"" + conversationId + "\"";
        return "{\"type\":\"send\",\"clientMsgId\":\"" + clientMsgId + "\"," + target
                + ",\"text\":\"" + text + "\"}";
    }
}
