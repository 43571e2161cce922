package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.TxInputs;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Vote;
import io.tronpay.payouts.Staking;
import io.tronpay.payouts.TransactionBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tron stake}: Stake 2.0 from the command line. Each subcommand makes one transaction and
 * takes the signing and sending options of {@code tron send}; amounts are exact TRX.
 */
@Command(
    name = "stake",
    description = "Stake 2.0: freeze, unfreeze, delegate, undelegate, withdraw, cancel-unfreeze,"
        + " vote, claim.",
    mixinStandardHelpOptions = true,
    subcommands = {StakeCommand.Freeze.class, StakeCommand.Unfreeze.class,
        StakeCommand.Delegate.class, StakeCommand.Undelegate.class, StakeCommand.Withdraw.class,
        StakeCommand.CancelUnfreeze.class, StakeCommand.VoteCommand.class,
        StakeCommand.Claim.class},
    footer = {"", "Exit codes: 0 sent (or confirmed with --wait), 1 invalid input or failed on "
        + "chain, 2 usage error, 3 node refused, unreachable, or expired with --wait."})
final class StakeCommand {

  /** A stake step that moves an amount of TRX for one resource. */
  abstract static class AmountStep extends TransactionCommand {
    @Option(names = "--amount", required = true, paramLabel = "TRX",
        description = "The exact amount of TRX, such as 100 or 0.5.")
    String amount;

    @Option(names = "--resource", required = true, paramLabel = "energy|bandwidth",
        description = "The resource the TRX is staked for.")
    String resource;

    long sun() {
      return TxInputs.trxSun(amount, "--amount");
    }

    ResourceCode resourceCode() {
      return TxInputs.resource(resource, "--resource");
    }

    String amountText() {
      return amount.strip() + " TRX of " + resource.strip().toLowerCase(Locale.ROOT);
    }
  }

  /** A delegation step: an amount, a resource and the account that receives it. */
  abstract static class DelegationStep extends AmountStep {
    @Option(names = "--receiver", required = true, paramLabel = "ADDR",
        description = "The account that receives (or received) the resource.")
    String receiver;

    Address receiverAddress(Address owner) {
      Address address = TxInputs.address(receiver, "--receiver");
      if (address.equals(owner)) {
        throw new CliInputException("--receiver " + receiver + " is the owner itself");
      }
      return address;
    }
  }

  /** {@code tron stake freeze}. */
  @Command(name = "freeze", description = "Stake TRX for energy or bandwidth "
      + "(FreezeBalanceV2; the network asks at least 1 TRX).")
  static final class Freeze extends AmountStep {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      return Staking.freezeV2(owner, sun(), resourceCode());
    }

    @Override
    String describe() {
      return "freeze " + amountText();
    }
  }

  /** {@code tron stake unfreeze}. */
  @Command(name = "unfreeze", description = "Start unstaking (UnfreezeBalanceV2); 'withdraw' "
      + "once the waiting period is over.")
  static final class Unfreeze extends AmountStep {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      return Staking.unfreezeV2(owner, sun(), resourceCode());
    }

    @Override
    String describe() {
      return "unfreeze " + amountText();
    }
  }

  /** {@code tron stake delegate}. */
  @Command(name = "delegate", description = "Lend the resource of staked TRX to another account"
      + " (DelegateResource).")
  static final class Delegate extends DelegationStep {
    @Option(names = "--lock", description = "Lock the delegation: it cannot be taken back before "
        + "the lock period ends (default: 3 days).")
    boolean lock;

    @Option(names = "--lock-period", paramLabel = "BLOCKS",
        description = "The lock period in 3 s blocks, up to 864000 (30 days); implies --lock.")
    Long lockPeriod;

    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      Address to = receiverAddress(owner);
      if (lockPeriod != null) {
        if (lockPeriod < 0 || lockPeriod > Staking.DEFAULT_MAX_LOCK_PERIOD_BLOCKS) {
          throw new CliInputException("--lock-period must be 0 to "
              + Staking.DEFAULT_MAX_LOCK_PERIOD_BLOCKS + " blocks, got " + lockPeriod);
        }
        return Staking.delegateLocked(owner, to, resourceCode(), sun(), lockPeriod);
      }
      return lock ? Staking.delegateLocked(owner, to, resourceCode(), sun(), 0)
          : Staking.delegate(owner, to, resourceCode(), sun());
    }

    @Override
    String describe() {
      return "delegate " + amountText() + " to " + receiver.strip();
    }
  }

  /** {@code tron stake undelegate}. */
  @Command(name = "undelegate", description = "Take back a delegated resource "
      + "(UnDelegateResource).")
  static final class Undelegate extends DelegationStep {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      return Staking.undelegate(owner, receiverAddress(owner), resourceCode(), sun());
    }

    @Override
    String describe() {
      return "undelegate " + amountText() + " from " + receiver.strip();
    }
  }

  /** {@code tron stake withdraw}. */
  @Command(name = "withdraw", description = "Withdraw unstaked TRX whose waiting period is over "
      + "(WithdrawExpireUnfreeze).")
  static final class Withdraw extends TransactionCommand {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      return Staking.withdrawExpireUnfreeze(owner);
    }

    @Override
    String describe() {
      return "withdraw unstaked TRX";
    }
  }

  /** {@code tron stake cancel-unfreeze}. */
  @Command(name = "cancel-unfreeze", description = "Cancel every pending unstake: the TRX is "
      + "staked again, and what already finished waiting is withdrawn (CancelAllUnfreezeV2).")
  static final class CancelUnfreeze extends TransactionCommand {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      return Staking.cancelAllUnfreezeV2(owner);
    }

    @Override
    String describe() {
      return "cancel pending unstakes";
    }
  }

  /** {@code tron stake vote}. */
  @Command(name = "vote", description = "Vote for super representatives with staked TRX "
      + "(1 vote per TRX), replacing earlier votes (VoteWitness).")
  static final class VoteCommand extends TransactionCommand {
    @Parameters(arity = "1..*", paramLabel = "WITNESS=COUNT",
        description = "A witness address and its votes; up to " + Staking.MAX_VOTE_WITNESSES
            + " witnesses.")
    List<String> votes;

    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      if (votes.size() > Staking.MAX_VOTE_WITNESSES) {
        throw new CliInputException("at most " + Staking.MAX_VOTE_WITNESSES
            + " witnesses in one vote, got " + votes.size());
      }
      List<Vote> parsed = new ArrayList<>();
      Set<Address> seen = new HashSet<>();
      for (int i = 0; i < votes.size(); i++) {
        Vote vote = TxInputs.vote(votes.get(i), i + 1);
        if (!seen.add(vote.witness())) {
          throw new CliInputException("vote " + (i + 1) + " names witness "
              + vote.witness().toBase58() + " a second time");
        }
        parsed.add(vote);
      }
      return Staking.vote(owner, parsed);
    }

    @Override
    String describe() {
      return "vote " + String.join(" ", votes);
    }
  }

  /** {@code tron stake claim}. */
  @Command(name = "claim", description = "Claim the voting rewards (WithdrawBalance; once a day).")
  static final class Claim extends TransactionCommand {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      return Staking.claimRewards(owner);
    }

    @Override
    String describe() {
      return "claim voting rewards";
    }
  }
}
