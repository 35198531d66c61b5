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
    dotnet build src/OrderStatusFlow.Bench/OrderStatusFlow.Bench.csproj -c Release --nologo -v q -clp:NoSummary | Out-Null
    if ($LASTEXITCODE -ne 0) { Write-Error 'run.ps1: build failed; run dotnet build to see why.'; exit 1 }
    & dotnet (Join-Path $PSScriptRoot 'src/OrderStatusFlow.Bench/bin/Release/net10.0/osf-bench.dll') @rest
    exit $LASTEXITCODE
}

dotnet build src/OrderStatusFlow.Service/OrderStatusFlow.Service.csproj -c Release --nologo -v q -clp:NoSummary | Out-Null
if ($LASTEXITCODE -ne 0) { Write-Error 'run.ps1: build failed; run dotnet build to see why.'; exit 1 }
$cli = Join-Path $PSScriptRoot 'src/OrderStatusFlow.Service/bin/Release/net10.0/osf.dll'
# [string[]] keeps a single argument an array: splatting a bare string would pass it one character at a time.
[string[]]$forward = if ($args.Count -gt 0) { $args } else { @('demo') }
# Ctrl+C reaches the child directly: it shares this console.
& dotnet $cli @forward
exit $LASTEXITCODE
