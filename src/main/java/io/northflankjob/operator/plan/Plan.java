package io.northflankjob.operator.plan;

/**
 * A Northflank compute plan: the CPU and memory a job's container may use.
 *
 * @param name the plan's ID, as in {@code billing.deploymentPlan}
 * @param millicores CPU in thousandths of a vCPU
 * @param memoryMiB memory in MiB (Northflank lists it as MB; it is treated as MiB)
 */
public record Plan(String name, int millicores, int memoryMiB) {}
