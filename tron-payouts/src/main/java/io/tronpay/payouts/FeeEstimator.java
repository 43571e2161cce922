package io.tronpay.payouts;

import io.tronpay.client.AccountResource;
import io.tronpay.client.ChainParameters;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronNodeException;
import io.tronpay.client.TronTransportException;
import io.tronpay.core.Address;
import io.tronpay.core.abi.AbiFormatException;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.payouts.FeeEstimate.Bandwidth;
import io.tronpay.payouts.FeeEstimate.Energy;
import io.tronpay.payouts.FeeEstimate.EnergySource;
import io.tronpay.payouts.internal.ResourcePricing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, before a transaction is sent, "will this burn TRX, and how much?". It asks the node
 * for the energy a contract call uses ({@code estimateenergy}, or {@code triggerconstantcontract}
 * on nodes without it), the owner's free and staked resources ({@code getaccountresource}) and
 * the prices ({@code getchainparameters}), and prices the signed size of the transaction for
 * bandwidth. It also warns when a TRC20 transfer goes to an address that holds none of the token,
 * which costs about double the energy.
 *
 * <p>Immutable and thread-safe; it does not own the client and never closes it. Each estimate
 * reads the chain afresh, since resources recover and are spent all the time.
 */
public final class FeeEstimator {
  /** The safety margin added to the node's energy figure unless set otherwise: 10%. */
  public static final int DEFAULT_SAFETY_MARGIN_PERCENT = 10;
  /** The largest safety margin accepted: 1000%, far beyond any real estimate's error. */
  public static final int MAX_SAFETY_MARGIN_PERCENT = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(FeeEstimator.class);

  private final TronClient client;
  private final int safetyMarginPercent;

  private FeeEstimator(TronClient client, int safetyMarginPercent) {
    this.client = client;
    this.safetyMarginPercent = safetyMarginPercent;
  }

  /**
   * An estimator that asks {@code client}, with the default 10% safety margin on energy.
   *
   * @param client the node to ask
   * @return the estimator
   */
  public static FeeEstimator of(TronClient client) {
    return new FeeEstimator(Objects.requireNonNull(client, "client"),
        DEFAULT_SAFETY_MARGIN_PERCENT);
  }

  /**
   * This estimator with another safety margin on energy. The margin raises the suggested fee
   * limit, not the expected burn.
   *
   * @param percent 0 to {@value #MAX_SAFETY_MARGIN_PERCENT}
   * @return a new estimator
   * @throws InvalidFieldException naming {@code safetyMarginPercent} if out of range
   */
  public FeeEstimator withSafetyMarginPercent(int percent) {
    if (percent < 0 || percent > MAX_SAFETY_MARGIN_PERCENT) {
      throw new InvalidFieldException("safetyMarginPercent",
          "must be 0 to " + MAX_SAFETY_MARGIN_PERCENT + ", got " + percent);
    }
    return new FeeEstimator(client, percent);
  }

  /**
   * The safety margin on energy.
   *
   * @return percent
   */
  public int safetyMarginPercent() {
    return safetyMarginPercent;
  }

  /**
   * Estimates {@code tx} as it will be signed: with its signatures, or with one if it has none.
   *
   * @param tx signed or unsigned
   * @return the estimate
   * @throws TronNodeException if the node refuses, such as {@code CONTRACT_EXE_ERROR} for a call
   *     that would revert
   */
  public FeeEstimate estimate(Transaction tx) {
    Objects.requireNonNull(tx, "tx");
    return estimate(tx, Math.max(1, tx.signatures().size()));
  }

  /**
   * Estimates {@code tx} as it will be signed by {@code signatureCount} signers, as a
   * multi-signature permission needs; each missing signature counts as 65 bytes.
   *
   * @param tx signed or unsigned
   * @param signatureCount at least 1 and at least the signatures already on {@code tx}
   * @return the estimate
   * @throws InvalidFieldException naming {@code signatureCount} if out of range
   * @throws TronNodeException if the node refuses, such as {@code CONTRACT_EXE_ERROR} for a call
   *     that would revert
   */
  public FeeEstimate estimate(Transaction tx, int signatureCount) {
    Objects.requireNonNull(tx, "tx");
    if (signatureCount < 1 || signatureCount < tx.signatures().size()) {
      throw new InvalidFieldException("signatureCount", "must be at least 1 and at least the "
          + tx.signatures().size() + " signatures present, got " + signatureCount);
    }
    Contract contract = tx.rawData().contract();
    Address owner = contract.owner();
    ChainParameters params = client.getChainParameters();
    AccountResource resource = client.getAccountResource(owner);
    List<String> warnings = new ArrayList<>();

    Energy energy = energyOf(contract, resource, params);
    long stakedEnergy = resource.energyLimit() - resource.energyUsed();
    long suggestedFeeLimit =
        ResourcePricing.energyBurn(energy.withMargin(), stakedEnergy, energy.priceSun());

    boolean createsAccount = contract instanceof TransferContract
        && client.getAccount(((TransferContract) contract).to()).isEmpty();
    Bandwidth bandwidth = ResourcePricing.bandwidth(tx.bandwidthEstimate(signatureCount),
        resource.netLimit() - resource.netUsed(),
        resource.freeNetLimit() - resource.freeNetUsed(), params.transactionFee(),
        createsAccount, params.get("getCreateAccountFee").orElse(0),
        params.get("getCreateNewAccountBandwidthRate").orElse(1));
    long accountCreationFee = createsAccount ? params.createNewAccountFeeInSystemContract() : 0;
    long memoFee = tx.rawData().data().length > 0 ? params.memoFee() : 0;
    long multiSignFee = signatureCount > 1 ? params.get("getMultiSignFee").orElse(0) : 0;
    long total = Math.addExact(Math.addExact(energy.burnSun(), bandwidth.burnSun()),
        Math.addExact(Math.addExact(accountCreationFee, memoFee), multiSignFee));

    long feeLimit = tx.rawData().feeLimit();
    boolean callsContract = contract instanceof TriggerSmartContract;
    boolean feeLimitCovers = !callsContract || feeLimit >= suggestedFeeLimit;
    if (!feeLimitCovers) {
      warnings.add("fee limit " + feeLimit + " sun is below the " + suggestedFeeLimit
          + " sun the energy may burn with a " + safetyMarginPercent
          + "% margin; the call may run out of energy");
    }
    boolean freshRecipient = callsContract && recipientHoldsNoTokens(
        (TriggerSmartContract) contract, warnings);
    if (createsAccount) {
      warnings.add("recipient " + ((TransferContract) contract).to().toBase58()
          + " is not activated yet; the transfer pays " + accountCreationFee
          + " sun to activate it");
    }
    return new FeeEstimate(energy, bandwidth, accountCreationFee, memoFee, multiSignFee, total,
        feeLimit, suggestedFeeLimit, feeLimitCovers, freshRecipient, warnings);
  }

  private Energy energyOf(Contract contract, AccountResource resource, ChainParameters params) {
    long staked = resource.energyLimit() - resource.energyUsed();
    if (!(contract instanceof TriggerSmartContract)) {
      return ResourcePricing.energy(EnergySource.NONE, 0, 0, staked, params.energyFee());
    }
    TriggerSmartContract call = (TriggerSmartContract) contract;
    EnergySource source = EnergySource.ESTIMATE_ENERGY;
    long required;
    try {
      required = client.estimateEnergy(call.owner(), call.contractAddress(), call.data(),
          call.callValue());
    } catch (TronNodeException e) {
      // A call that fails would fail the same way read-only; only a node that lacks or disables
      // estimateenergy is worth a second request.
      if (TronNodeException.CONTRACT_EXE_ERROR.equals(e.code())
          || TronNodeException.CONTRACT_VALIDATE_ERROR.equals(e.code())) {
        throw e;
      }
      LOG.debug("estimateenergy refused ({}); falling back to triggerconstantcontract",
          e.code());
      source = EnergySource.CONSTANT_CALL;
      required = constantCallEnergy(call);
    } catch (TronTransportException e) {
      if (e.httpStatus() != 404 && e.httpStatus() != 405) {
        throw e;
      }
      LOG.debug("estimateenergy not served (HTTP {}); falling back to triggerconstantcontract",
          e.httpStatus());
      source = EnergySource.CONSTANT_CALL;
      required = constantCallEnergy(call);
    }
    return ResourcePricing.energy(source, required,
        ResourcePricing.withMargin(required, safetyMarginPercent), staked, params.energyFee());
  }

  private long constantCallEnergy(TriggerSmartContract call) {
    return client.triggerConstantContract(call.owner(), call.contractAddress(), call.data())
        .energyUsed();
  }

  private boolean recipientHoldsNoTokens(TriggerSmartContract call, List<String> warnings) {
    Address recipient;
    try {
      Trc20Call decoded = Trc20Call.decode(call.data());
      if (decoded instanceof Trc20Call.Transfer) {
        recipient = ((Trc20Call.Transfer) decoded).to();
      } else if (decoded instanceof Trc20Call.TransferFrom) {
        recipient = ((Trc20Call.TransferFrom) decoded).to();
      } else {
        return false;
      }
    } catch (AbiFormatException e) {
      // Not a TRC20 transfer: there is no recipient balance to look at.
      return false;
    }
    BigInteger balance = client.balanceOf(call.contractAddress(), recipient);
    if (balance.signum() != 0) {
      return false;
    }
    warnings.add("recipient " + recipient.toBase58() + " holds no tokens of "
        + call.contractAddress().toBase58()
        + " yet; the transfer creates its balance and costs about double the energy");
    return true;
  }
}
