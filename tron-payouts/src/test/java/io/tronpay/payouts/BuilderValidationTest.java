package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Vote;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input is refused before anything is built, with a typed error naming the field. */
class BuilderValidationTest {
  private static final Address A = PrivateKey.fromHex(
      "272a0d8d6361802203799c6d7c6bd003c316ad0065bf466554de7c3a794ac692").address();
  private static final Address B = Address.fromBase58("TQW7mQ5gsV122k7tvUW7WJVvqLvcuL1NAr");
  private static final ReferenceBlock REF =
      ReferenceBlock.ofTapos("8da0", "6dd7e4c8504b0d45", 1_793_461_214_791L);

  private static void assertField(String field, Executable action) {
    InvalidFieldException e = assertThrows(InvalidFieldException.class, action);
    assertEquals(field, e.field());
  }

  @Test
  void trxTransfer_zeroOrNegativeAmount_namesAmount() {
    assertField("amount", () -> TrxTransfer.of(A, B, 0));
    assertField("amount", () -> TrxTransfer.of(A, B, -1));
  }

  @Test
  void trxTransfer_toSelf_namesTo() {
    assertField("to", () -> TrxTransfer.of(A, A, 1));
  }

  @Test
  void trxTransfer_missingAddress_namesIt() {
    assertField("to", () -> TrxTransfer.of(A, null, 1));
    assertField("from", () -> TrxTransfer.of(null, B, 1));
  }

  @Test
  void trc20_wrongDecimals_namesAmount() {
    assertField("amount", () -> Trc20Transfer.usdt(A, B, TokenAmount.of(1, 18)));
  }

  @Test
  void trc20_toSelfOrZero_namesTheField() {
    assertField("to", () -> Trc20Transfer.usdt(A, A, TokenAmount.of(1, 6)));
    assertField("amount", () -> Trc20Transfer.usdt(A, B, TokenAmount.of(0, 6)));
    assertField("spender", () -> Trc20Transfer.approve(Asset.USDT, A, A, TokenAmount.of(1, 6)));
  }

  @Test
  void trc20_trxAsToken_namesToken() {
    assertField("token", () -> Trc20Transfer.transfer(Asset.TRX, A, B, TokenAmount.of(1, 6)));
  }

  @Test
  void feeLimit_aboveChainMaximum_namesFeeLimit() {
    TransactionBuilder b = Trc20Transfer.usdt(A, B, TokenAmount.of(1, 6));
    assertField("feeLimit", () -> b.feeLimit(15_000_000_001L));
    assertField("feeLimit", () -> b.feeLimit(-1));
    b.maxFeeLimit(1_000);
    assertField("feeLimit", () -> b.referenceBlock(REF).build());
  }

  @Test
  void expiration_beyond24Hours_namesExpiration() {
    TransactionBuilder b = TrxTransfer.of(A, B, 1).referenceBlock(REF);
    assertField("expiration", () -> b.expiresIn(Duration.ofHours(24).plusMillis(1)));
    assertField("expiration", () -> b.expiresIn(Duration.ZERO));
    b.expiresAt(REF.timestamp() + Duration.ofHours(25).toMillis());
    assertField("expiration", b::build);
  }

  @Test
  void build_defaultExpiration_isSixtySecondsAfterTheReference() {
    long expiration = TrxTransfer.of(A, B, 1).referenceBlock(REF).build().rawData().expiration();
    assertEquals(REF.timestamp() + 60_000, expiration);
  }

  @Test
  void build_withoutReferenceBlock_namesReferenceBlock() {
    assertField("referenceBlock", () -> TrxTransfer.of(A, B, 1).build());
  }

  @Test
  void permissionId_witnessOrOutOfRange_namesPermissionId() {
    TransactionBuilder b = TrxTransfer.of(A, B, 1);
    assertField("permissionId", () -> b.permissionId(1));
    assertField("permissionId", () -> b.permissionId(10));
  }

  @Test
  void delegate_toSelf_namesReceiver() {
    assertField("receiver", () -> Staking.delegate(A, A, ResourceCode.ENERGY, 1_000_000));
    assertField("receiver", () -> Staking.undelegate(A, A, ResourceCode.ENERGY, 1_000_000));
  }

  @Test
  void delegateLocked_periodOutOfRange_namesLockPeriod() {
    assertField("lockPeriod", () -> Staking.delegateLocked(A, B, ResourceCode.ENERGY, 1, -1));
    assertField("lockPeriod", () -> Staking.delegateLocked(A, B, ResourceCode.ENERGY, 1,
        Staking.DEFAULT_MAX_LOCK_PERIOD_BLOCKS + 1));
    assertField("lockPeriod", () -> Staking.delegateLocked(A, B, ResourceCode.ENERGY, 1, 101,
        100));
  }

  @Test
  void freeze_tronPowerOrZero_namesTheField() {
    assertField("resource", () -> Staking.freezeV2(A, 1, ResourceCode.TRON_POWER));
    assertField("frozenBalance", () -> Staking.freezeV2(A, 0, ResourceCode.ENERGY));
    assertField("unfreezeBalance", () -> Staking.unfreezeV2(A, 0, ResourceCode.ENERGY));
  }

  @Test
  void vote_emptyDuplicateOrZero_namesTheVote() {
    assertField("votes", () -> Staking.vote(A, List.of()));
    assertField("votes[1].witness", () -> Staking.vote(A, List.of(new Vote(B, 1),
        new Vote(B, 2))));
    assertField("votes[0].count", () -> Staking.vote(A, List.of(new Vote(B, 0))));
  }

  @Test
  void callValue_onATransfer_namesCallValue() {
    assertField("callValue", () -> TrxTransfer.of(A, B, 1).callValue(5));
  }

  @Test
  void referenceBlock_idOfAnotherHeight_namesBlockId() {
    assertField("blockId", () -> ReferenceBlock.of(5,
        "0000000000000006" + "00".repeat(24), 1));
    assertField("refBlockBytes", () -> ReferenceBlock.ofTapos("8d", "6dd7e4c8504b0d45", 1));
  }

  @Test
  void payoutRequest_badFields_nameThem() {
    assertField("amount", () -> PayoutRequest.trx("k", B, 0));
    assertField("idempotencyKey", () -> PayoutRequest.trx("", B, 1));
    assertField("idempotencyKey", () -> PayoutRequest.trx("a b", B, 1));
    assertField("amount", () -> new PayoutRequest("k", B, Asset.USDT,
        TokenAmount.of(BigInteger.ONE, 18), ""));
  }
}
