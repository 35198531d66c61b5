# OrderStatusFlow launcher for Windows: same commands as run.sh.
#   ./run.ps1            the demo
#   ./run.ps1 test       the test suite
#   ./run.ps1 run --once one cycle against the configured endpoints (see README)
$ErrorActionPreference = 'Stop'
Set-Location -Path $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'run.ps1: the .NET 10 SDK is required (dotnet not found on PATH).'
    exit 1
}

# The service and the bench run from a ReadyToRun publish in artifacts/ (as run.sh: compiled ahead of time, so
# start-up and the first cycle spend little on the JIT). Publishing is incremental.
function Publish([string]$project, [string]$output) {
    $log = dotnet publish $project -c Release --use-current-runtime --self-contained false -o $output --nologo -v q -clp:NoSummary 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log | Write-Host
        Write-Error 'run.ps1: build failed (see above).'
        exit 1
    }
}

$command = if ($args.Count -gt 0) { $args[0] } else { 'demo' }
if ($command -eq 'test') {
    [string[]]$rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }
    dotnet build OrderStatusFlow.sln -c Release --nologo -v q -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    dotnet test OrderStatusFlow.sln -c Release --no-build --nologo @rest
    exit $LASTEXITCODE
}

if ($command -eq 'bench') {
    # The measurement tools live in their own project (src/OrderStatusFlow.Bench), outside the product.
    [string[]]$rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }
    Publish 'src/OrderStatusFlow.Bench/OrderStatusFlow.Bench.csproj' 'artifacts/bench'
    & dotnet (Join-Path $PSScriptRoot 'artifacts/bench/osf-bench.dll') @rest
    exit $LASTEXITCODE
}

Publish 'src/OrderStatusFlow.Service/OrderStatusFlow.Service.csproj' 'artifacts/osf'
$cli = Join-Path $PSScriptRoot 'artifacts/osf/osf.dll'
# [string[]] keeps a single argument an array: splatting a bare string would pass it one character at a time.
[string[]]$forward = if ($args.Count -gt 0) { $args } else { @('demo') }
# Ctrl+C reaches the child directly: it shares this console.
& dotnet $cli @forward
exit $LASTEXITCODE
