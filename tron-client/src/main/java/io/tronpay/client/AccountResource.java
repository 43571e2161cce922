package io.tronpay.client;

/**
 * An account's bandwidth and energy ({@code getaccountresource}). Absent numbers are 0, as the
 * node omits zeros.
 *
 * @param freeNetUsed free bandwidth used today
 * @param freeNetLimit free bandwidth per day
 * @param netUsed staked bandwidth used
 * @param netLimit staked bandwidth available
 * @param energyUsed energy used
 * @param energyLimit energy available from stakes
 * @param tronPowerUsed votes cast
 * @param tronPowerLimit votes available
 * @param totalNetLimit network-wide bandwidth limit
 * @param totalNetWeight network-wide TRX staked for bandwidth
 * @param totalEnergyLimit network-wide energy limit
 * @param totalEnergyWeight network-wide TRX staked for energy
 */
public record AccountResource(
    long freeNetUsed,
    long freeNetLimit,
    long netUsed,
    long netLimit,
    long energyUsed,
    long energyLimit,
    long tronPowerUsed,
    long tronPowerLimit,
    long totalNetLimit,
    long totalNetWeight,
    long totalEnergyLimit,
    long totalEnergyWeight) {}
