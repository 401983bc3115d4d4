# Merges the SARIF files of `stratos verify --shard i/n --format sarif` into one run
# (docs/ci-sharding.md):  jq -s -f scripts/merge-sarif.jq shard-*.sarif > verify.sarif
# Rules are united by id; results and tool notifications are concatenated.
. as $all
| { "$schema": $all[0]["$schema"], version: $all[0].version,
    runs: [ { tool: { driver: ($all[0].runs[0].tool.driver | .rules = ([$all[].runs[0].tool.driver.rules[]] | unique_by(.id))) },
              invocations: [ { executionSuccessful: all($all[].runs[0].invocations[0].executionSuccessful; .),
                               toolExecutionNotifications: [ $all[].runs[0].invocations[0].toolExecutionNotifications[] ] } ],
              results: [ $all[].runs[0].results[] ] } ] }
