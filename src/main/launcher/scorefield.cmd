@echo off
rem Starts Scorefield from the folder the build made (target\): no arguments open the explorer window,
rem anything else runs a command (scorefield --help lists them). It runs scorefield.jar with the
rem class-data archive the build dumped beside it (scorefield.jsa), which shortens the start; a missing
rem or stale archive only costs that speed. JAVA_HOME picks the Java to run (default: java on the PATH);
rem SCOREFIELD_JAVA_OPTIONS adds JVM options, after the launcher's own, so that they override them.
setlocal
set "HERE=%~dp0"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem named only when it is there: a -XX:SharedArchiveFile that does not exist turns off the JDK's own archive too
set CDS=
if exist "%HERE%scorefield.jsa" set CDS="-XX:SharedArchiveFile=%HERE%scorefield.jsa" -Xshare:auto "-Xlog:cds*=off"
if "%~1"=="" (
    rem the window: short collector pauses while a model trains (README, The explorer window)
    "%JAVA%" %CDS% -XX:MaxGCPauseMillis=20 %SCOREFIELD_JAVA_OPTIONS% -jar "%HERE%scorefield.jar"
) else (
    "%JAVA%" %CDS% %SCOREFIELD_JAVA_OPTIONS% -jar "%HERE%scorefield.jar" %*
)
exit /b %ERRORLEVEL%
