package org.rialto.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void portsComeFromBelowTheEphemeralRangesAndNeverOverlap() throws Exception {
    var taken = new HashSet<Integer>();
    for (int i = 0; i < 50; i++) {
      int bank = FreePorts.bankAndOperator();
      int single = FreePorts.one();
      assertThat(bank).isBetween(FreePorts.LOWEST_PORT, FreePorts.EPHEMERAL_FLOOR - 2);
      assertThat(single).isBetween(FreePorts.LOWEST_PORT, FreePorts.EPHEMERAL_FLOOR - 1);
      // Every port handed out (both of a bank port's pair) is new: no node is given a neighbour's.
      assertThat(taken.add(bank)).isTrue();
      assertThat(taken.add(bank + 1)).isTrue();
      assertThat(taken.add(single)).isTrue();
    }
  }

  @Test
  void bothPortsOfAPairCanBeBound() throws Exception {
    int port = FreePorts.bankAndOperator();
    var loopback = InetAddress.getLoopbackAddress();
    try (var bank = new ServerSocket(port, 1, loopback); var operator = new ServerSocket(port + 1, 1, loopback)) {
      assertThat(bank.getLocalPort()).isEqualTo(port);
      assertThat(operator.getLocalPort()).isEqualTo(port + 1);
    }
  }
}
