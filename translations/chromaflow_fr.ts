<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>cf::ui::CoreText</name>
    <message>
        <source>sepia: %1 % of chroma in the %2-%3 degree hue band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1 is below %2 (colour averaging)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1, far below the shot&apos;s median %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low confidence on %1 % of the frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1, far below the shot&apos;s median %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flicker: the colour jumps by %1 ab units between frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flicker %1 times the shot&apos;s median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heavy motion or an undetected cut: %1 % occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heavy motion: %1 % occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heavy motion: %1 % of the frame width per frame</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::ExportDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export colourised video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MKV / FFV1 (lossless)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant rate factor: lower is better and larger; 18 looks lossless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality (CRF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In/out range (frames %1-%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In/out range (set with I and O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the original sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the original sound (the source has none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video files (*.mp4 *.mkv *.mov)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an output file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of %2, ETA %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::FailuresPanel</name>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failures flagged so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n flagged range(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cf::ui::JobPanel</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a black-and-white video to start (Ctrl+O or drop a file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed %1 of %2 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting: frame %1 of %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1: %2 frames at %3 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Chromaflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chromaflow %1
Colourises black-and-white video with temporal smoothing and failure inspection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play &amp;Backwards (J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play &amp;Forwards (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;In Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;Out Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear In/Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse in &amp;Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split Wipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle Single Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original | Colourised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw Network | Smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source Colours | Colourised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence &amp;Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline: Whole Film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Chromaflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the network and the failure analysis over the whole video while you work, starting at the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is running; cancel it or wait before opening another video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 and loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Chromaflow projects (*.chromaflow);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chromaflow projects (*.chromaflow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No further failures after this frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier failures before this frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a video before exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::PreviewWidget</name>
    <message>
        <source>Smoothed (λ %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colourised (λ %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw network output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original (the source has no colours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source colours (reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a video: File &gt; Open, or drop a file here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::ProjectFile</name>
    <message>
        <source>cannot read project %1: %2 at offset %3; check the file is a Chromaflow project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read project %1: not a Chromaflow project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read project %1: format version %2 is not supported; update Chromaflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save project %1: %2; choose a writable folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save project %1: %2; check the free disk space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::SessionWorker</name>
    <message>
        <source>No video is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::SettingsPanel</name>
    <message>
        <source>Sepia share of chroma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum colourfulness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-confidence area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flicker vs shot median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motion (share of width)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occluded area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlier z-score (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annealed-mean temperature of classification heads: lower gives bolder colours, higher gives safer, duller ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height the network works at; the colours are upsampled to the full frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not known until a video is open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporal smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing strength λ: 0 is off; higher values remove more flicker but can smear colours across motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIS (fast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TV-L1 (accurate, slow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optical flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this λ for the shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames %1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ %1 (override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature %1 (override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the global settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript models (*.pt *.ts)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::ShotOverrideCommand</name>
    <message>
        <source>Set λ %1 for the shot at frame %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set temperature %1 for the shot at frame %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the overrides of the shot at frame %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cf::ui::TimelineWidget</name>
    <message>
        <source>Open a video to see its timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flicker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, frames %2-%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colourfulness %1, flicker %2, confidence %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heavy motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desaturated (colour averaging)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Colourise black-and-white video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video or project to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the file, wait for its first preview, save a screenshot of the window to &lt;png&gt; and quit (for documentation, e.g. under Xvfb).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language for this run: en, de, fr, es or zh_CN (default: the View &gt; Language setting, else the system locale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;; use one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
