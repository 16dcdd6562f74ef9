# Builds Scorefield's app image or installer on Windows with jpackage (JDK 17+; WiX 3 for msi/exe).
#
#   powershell -File jpackage\package.ps1                # app-image: target\jpackage\Scorefield
#   powershell -File jpackage\package.ps1 -Type msi      # or exe
#   powershell -File jpackage\package.ps1 -Smoke         # app-image, then a headless screenshot
param(
    [ValidateSet("app-image", "msi", "exe")] [string] $Type = "app-image",
    [switch] $Smoke
)
$ErrorActionPreference = "Stop"
if ($Smoke -and $Type -ne "app-image") { throw "-Smoke launches the app image; build it with -Type app-image" }
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$root = Split-Path -Parent $here
$javaHome = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { Split-Path -Parent (Split-Path -Parent (Get-Command javac).Source) }
$out = Join-Path $root "target\jpackage"

if (-not (Test-Path (Join-Path $root "target\scorefield.jar")) -or -not (Test-Path (Join-Path $root "target\lib"))) {
    Push-Location $root; & .\mvnw.cmd -B -q package -DskipTests; Pop-Location
    if ($LASTEXITCODE -ne 0) { throw "the Maven build failed" }
}
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $out "input"), (Join-Path $out "runtime"), (Join-Path $out "Scorefield")
New-Item -ItemType Directory -Force (Join-Path $out "input") | Out-Null
Copy-Item (Join-Path $root "target\scorefield.jar") (Join-Path $out "input")
Copy-Item -Recurse (Join-Path $root "target\lib") (Join-Path $out "input\lib")

$modules = (Get-Content (Join-Path $here "modules.txt") -Raw).Trim()
& (Join-Path $javaHome "bin\jlink.exe") --add-modules $modules --strip-debug --no-man-pages --no-header-files `
    --compress=2 --output (Join-Path $out "runtime")
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

Push-Location $here
$argFiles = @("@common.args", "@windows.args")
if ($Type -ne "app-image") { $argFiles += "@windows-installer.args" }
& (Join-Path $javaHome "bin\jpackage.exe") $argFiles --type $Type `
    --input (Join-Path $out "input") --runtime-image (Join-Path $out "runtime") --dest $out
$code = $LASTEXITCODE
Pop-Location
if ($code -ne 0) { throw "jpackage failed" }
Write-Output "built $Type in $out"

if ($Smoke) {
    # the console launcher, waited for: the GUI one returns at once and has no exit code to give
    $cli = Join-Path $out "Scorefield\scorefield-cli.exe"
    $png = Join-Path $out "smoke.png"
    $run = Start-Process -FilePath $cli -ArgumentList @("screenshot", "--out", $png, "--width", "1024", "--height", "700") `
        -Wait -PassThru -NoNewWindow
    if ($run.ExitCode -ne 0 -or -not (Test-Path $png)) { throw "the smoke test failed (exit code $($run.ExitCode))" }
    Write-Output "smoke test: $png"
}
