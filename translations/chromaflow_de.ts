<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>cf::ui::AudioControls</name>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Mute the preview&apos;s sound (playback keeps its timing)</source>
        <translation>Ton der Vorschau stummschalten (die Wiedergabe behält ihr Timing)</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Kein Ton</translation>
    </message>
    <message>
        <source>Volume of the preview&apos;s sound, in per cent</source>
        <translation>Lautstärke des Vorschautons, in Prozent</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
</context>
<context>
    <name>cf::ui::AudioPlayback</name>
    <message>
        <source>No sound output device; the video plays without sound.</source>
        <translation>Kein Tonausgabegerät; das Video läuft ohne Ton.</translation>
    </message>
    <message>
        <source>The sound output could not start; the video plays without sound.</source>
        <translation>Die Tonausgabe konnte nicht starten; das Video läuft ohne Ton.</translation>
    </message>
</context>
<context>
    <name>cf::ui::CacheDialog</name>
    <message>
        <source>Cache</source>
        <translation>Zwischenspeicher</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Delete the cached network output and optical flows of this video; they are computed again when needed</source>
        <translation>Zwischengespeicherte Netzausgabe und optische Flüsse dieses Videos löschen; sie werden bei Bedarf neu berechnet</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alles leeren</translation>
    </message>
    <message>
        <source>Delete the cache of every video</source>
        <translation>Den Cache aller Videos löschen</translation>
    </message>
    <message>
        <source>This video:</source>
        <translation>Dieses Video:</translation>
    </message>
    <message>
        <source>All videos:</source>
        <translation>Alle Videos:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Beyond this size the least recently used videos&apos; caches are deleted</source>
        <translation>Über dieser Größe werden die Caches der am längsten nicht benutzten Videos gelöscht</translation>
    </message>
    <message>
        <source>Size limit:</source>
        <translation>Größengrenze:</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Move the cache, with everything in it, to another folder</source>
        <translation>Den Cache mit seinem ganzen Inhalt in einen anderen Ordner verschieben</translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation>Cache-Ordner:</translation>
    </message>
    <message>
        <source>no video open</source>
        <translation>kein Video geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n folder(s)</source>
        <translation>
            <numerusform>%1 in %n Ordner</numerusform>
            <numerusform>%1 in %n Ordnern</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache of this video was cleared.</source>
        <translation>Der Cache dieses Videos wurde geleert.</translation>
    </message>
    <message>
        <source>The cache was cleared.</source>
        <translation>Der Cache wurde geleert.</translation>
    </message>
    <message>
        <source>%1 of least recently used caches deleted.</source>
        <translation>%1 an am längsten nicht benutzten Caches gelöscht.</translation>
    </message>
    <message>
        <source>The cache was moved to %1.</source>
        <translation>Der Cache wurde nach %1 verschoben.</translation>
    </message>
    <message>
        <source>Move the cache to</source>
        <translation>Cache verschieben nach</translation>
    </message>
</context>
<context>
    <name>cf::ui::CoreText</name>
    <message>
        <source>sepia: %1 % of chroma in the %2-%3 degree hue band</source>
        <translation>Sepia: %1 % der Chroma im Farbtonbereich %2–%3 Grad</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1 is below %2 (colour averaging)</source>
        <translation>Entsättigt: Farbigkeit %1 liegt unter %2 (Farbmittelung)</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1, far below the shot&apos;s median %2</source>
        <translation>Entsättigt: Farbigkeit %1, weit unter dem Median der Einstellung (%2)</translation>
    </message>
    <message>
        <source>low confidence on %1 % of the frame</source>
        <translation>Geringe Konfidenz auf %1 % des Bildes</translation>
    </message>
    <message>
        <source>confidence %1, far below the shot&apos;s median %2</source>
        <translation>Konfidenz %1, weit unter dem Median der Einstellung (%2)</translation>
    </message>
    <message>
        <source>flicker: the colour jumps by %1 ab units between frames</source>
        <translation>Flackern: Die Farbe springt zwischen den Bildern um %1 ab-Einheiten</translation>
    </message>
    <message>
        <source>flicker %1 times the shot&apos;s median</source>
        <translation>Flackern: das %1-Fache des Medians der Einstellung</translation>
    </message>
    <message>
        <source>heavy motion or an undetected cut: %1 % occluded</source>
        <translation>Starke Bewegung oder nicht erkannter Schnitt: %1 % verdeckt</translation>
    </message>
    <message>
        <source>heavy motion: %1 % occluded</source>
        <translation>Starke Bewegung: %1 % verdeckt</translation>
    </message>
    <message>
        <source>heavy motion: %1 % of the frame width per frame</source>
        <translation>Starke Bewegung: %1 % der Bildbreite pro Bild</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU (%n Thread)</numerusform>
            <numerusform>CPU (%n Threads)</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA GPU (half precision)</source>
        <translation>CUDA-GPU (halbe Genauigkeit)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>Scanning for cuts</source>
        <translation>Suche nach Schnitten</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analyse läuft</translation>
    </message>
</context>
<context>
    <name>cf::ui::ExportDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Export colourised video</source>
        <translation>Kolorierten Film exportieren</translation>
    </message>
    <message>
        <source>MKV / FFV1 (lossless)</source>
        <translation>MKV / FFV1 (verlustfrei)</translation>
    </message>
    <message>
        <source>Image sequence / %1</source>
        <translation>Bildsequenz / %1</translation>
    </message>
    <message>
        <source>As the source</source>
        <translation>Wie die Quelle</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>Bittiefe</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Constant rate factor: lower is better and larger; 18 looks lossless</source>
        <translation>Constant Rate Factor: niedriger bedeutet bessere Qualität und größere Dateien; 18 wirkt verlustfrei</translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation>Ganzes Video</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Speicherort wählen</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Ausgabedatei</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>In/out range (frames %1-%2)</source>
        <translation>In/Out-Bereich (Bilder %1–%2)</translation>
    </message>
    <message>
        <source>In/out range (set with I and O)</source>
        <translation>In/Out-Bereich (mit I und O setzen)</translation>
    </message>
    <message>
        <source>Keep the original sound</source>
        <translation>Originalton behalten</translation>
    </message>
    <message>
        <source>Keep the original sound (the source has none)</source>
        <translation>Originalton behalten (die Quelle hat keinen)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Video files (*.mp4 *.mkv *.mov)</source>
        <translation>Videodateien (*.mp4 *.mkv *.mov)</translation>
    </message>
    <message>
        <source>Choose an output file first.</source>
        <translation>Wählen Sie zuerst eine Ausgabedatei.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
    <message>
        <source>Frame %1 of %2, ETA %3</source>
        <translation>Bild %1 von %2, Restzeit %3</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>Container and video codec of the exported file; FFV1 is lossless and large, ProRes suits editing software</source>
        <translation>Container und Videocodec der exportierten Datei; FFV1 ist verlustfrei und groß, ProRes eignet sich für Schnittprogramme</translation>
    </message>
    <message>
        <source>Quality (CRF, 0-51)</source>
        <translation>Qualität (CRF, 0-51)</translation>
    </message>
    <message>
        <source>Export every frame of the video</source>
        <translation>Jedes Bild des Videos exportieren</translation>
    </message>
    <message>
        <source>Export only the frames between the in and out points</source>
        <translation>Nur die Bilder zwischen In- und Out-Punkt exportieren</translation>
    </message>
    <message>
        <source>Copy the source&apos;s sound into the export, unchanged</source>
        <translation>Den Ton der Quelle unverändert in den Export übernehmen</translation>
    </message>
    <message>
        <source>The file the colourised video is written to (it appears only once the export has finished)</source>
        <translation>Die Datei, in die das kolorierte Video geschrieben wird (sie erscheint erst, wenn der Export fertig ist)</translation>
    </message>
    <message>
        <source>Bits per colour channel of the output; &quot;As the source&quot; keeps the source&apos;s depth (10 bits or more suit archive masters)</source>
        <translation>Bits je Farbkanal der Ausgabe; „Wie die Quelle“ behält die Tiefe der Quelle (10 Bit und mehr eignen sich für Archivmaster)</translation>
    </message>
</context>
<context>
    <name>cf::ui::FailuresPanel</name>
    <message>
        <source>Frames</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>No failures flagged so far</source>
        <translation>Bisher keine Problemstellen markiert</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged range(s)</source>
        <translation>
            <numerusform>%n markierter Bereich</numerusform>
            <numerusform>%n markierte Bereiche</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>All kinds (%1)</source>
        <translation>Alle Arten (%1)</translation>
    </message>
    <message>
        <source>%1 marked</source>
        <translation>%1 markiert</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>By time</source>
        <translation>Nach Zeit</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>Nach Schwere</translation>
    </message>
    <message>
        <source>Order of the list: by first frame, or the worst failures first</source>
        <translation>Reihenfolge der Liste: nach erstem Bild oder die schwersten Fehler zuerst</translation>
    </message>
    <message>
        <source>Show only the failures of one kind</source>
        <translation>Nur die Fehler einer Art zeigen</translation>
    </message>
    <message>
        <source>Hide ignored</source>
        <translation>Ignorierte ausblenden</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Als geprüft markieren</translation>
    </message>
    <message>
        <source>Mark the selected failures as looked at</source>
        <translation>Die gewählten Fehler als angesehen markieren</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Mark the selected failures as acceptable (saved in the project)</source>
        <translation>Die gewählten Fehler als annehmbar markieren (im Projekt gespeichert)</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>Markierung löschen</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>Hier Keyframe hinzufügen</translation>
    </message>
</context>
<context>
    <name>cf::ui::GradePanel</name>
    <message>
        <source>Saturation (%)</source>
        <translation>Sättigung (%)</translation>
    </message>
    <message>
        <source>How colourful the shot is: 0 % is grey, 100 % unchanged, 300 % three times as strong</source>
        <translation>Wie farbig die Einstellung ist: 0 % ist grau, 100 % unverändert, 300 % dreimal so stark</translation>
    </message>
    <message>
        <source>Temperature (b*)</source>
        <translation>Farbtemperatur (b*)</translation>
    </message>
    <message>
        <source>White balance: to the right warmer (yellow), to the left cooler (blue), in Lab b* units</source>
        <translation>Weißabgleich: nach rechts wärmer (gelb), nach links kühler (blau), in Lab-b*-Einheiten</translation>
    </message>
    <message>
        <source>Tint (a*)</source>
        <translation>Tönung (a*)</translation>
    </message>
    <message>
        <source>White balance: to the right magenta, to the left green, in Lab a* units</source>
        <translation>Weißabgleich: nach rechts Magenta, nach links Grün, in Lab-a*-Einheiten</translation>
    </message>
    <message>
        <source>Hue remap</source>
        <translation>Farbton umlenken</translation>
    </message>
    <message>
        <source>Move one range of hues to another hue, e.g. make these reds blue</source>
        <translation>Einen Farbtonbereich auf einen anderen Farbton verschieben, z. B. diese Rottöne blau machen</translation>
    </message>
    <message>
        <source>From hue (°)</source>
        <translation>Von Farbton (°)</translation>
    </message>
    <message>
        <source>Start of the hue range to move (Lab hue angle: red about 40°, yellow 90°, green 135°, blue 280°)</source>
        <translation>Beginn des zu verschiebenden Farbtonbereichs (Lab-Farbwinkel: Rot etwa 40°, Gelb 90°, Grün 135°, Blau 280°)</translation>
    </message>
    <message>
        <source>To hue (°)</source>
        <translation>Bis Farbton (°)</translation>
    </message>
    <message>
        <source>End of the hue range to move</source>
        <translation>Ende des zu verschiebenden Farbtonbereichs</translation>
    </message>
    <message>
        <source>Target hue (°)</source>
        <translation>Ziel-Farbton (°)</translation>
    </message>
    <message>
        <source>The hue the middle of the range moves to</source>
        <translation>Der Farbton, auf den die Mitte des Bereichs verschoben wird</translation>
    </message>
    <message>
        <source>Softness (°)</source>
        <translation>Weichheit (°)</translation>
    </message>
    <message>
        <source>Hues this close outside the range move part of the way, so edges do not band</source>
        <translation>Farbtöne so nah außerhalb des Bereichs werden teilweise mitverschoben, damit an den Rändern keine Stufen entstehen</translation>
    </message>
    <message>
        <source>Reset the shot&apos;s grade</source>
        <translation>Farbkorrektur der Einstellung zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the colours the model gave the shot</source>
        <translation>Zurück zu den Farben, die das Modell der Einstellung gab</translation>
    </message>
    <message>
        <source>Grade of the shot at frames %1-%2</source>
        <translation>Farbkorrektur der Einstellung in den Bildern %1-%2</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Kein Video geöffnet</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>cf::ui::GuideProgress</name>
    <message>
        <source>Keyframe colour: propagating through the shot</source>
        <translation>Keyframe-Farbe: wird durch die Einstellung übertragen</translation>
    </message>
    <message>
        <source>Keyframe colour of frames %1 to %2 is ready</source>
        <translation>Keyframe-Farbe der Bilder %1 bis %2 ist fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>Keyframe colour stopped: the shot previews without it until a keyframe or hint changes</source>
        <translation>Keyframe-Farbe angehalten: Die Einstellung wird ohne sie angezeigt, bis sich ein Keyframe oder ein Hinweis ändert</translation>
    </message>
    <message>
        <source>Stopped at %p%</source>
        <translation>Angehalten bei %p%</translation>
    </message>
    <message>
        <source>It reaches less than half of frames %1 to %2 (at frame %3 only %4 % of the picture), where the network guesses the colour: a reference or hints there would help.</source>
        <translation>Sie erreicht weniger als die Hälfte der Bilder %1 bis %2 (bei Bild %3 nur %4 % des Bildes); dort rät das Netz die Farbe: ein Referenzbild oder Farbhinweise dort würden helfen.</translation>
    </message>
    <message>
        <source>Go to Frame %1</source>
        <translation>Zu Bild %1</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobPanel</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation>Export nach %1</translation>
    </message>
    <message>
        <source>Waiting for the exports before it</source>
        <translation>Wartet auf die vorherigen Exporte</translation>
    </message>
    <message>
        <source>Cancelled at %p%</source>
        <translation>Abgebrochen bei %p%</translation>
    </message>
    <message>
        <source>Failed at %p%</source>
        <translation>Fehlgeschlagen bei %p%</translation>
    </message>
    <message>
        <source>Analysis: no video open</source>
        <translation>Analyse: kein Video geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>Analysis complete: %n frame(s)</source>
        <translation>
            <numerusform>Analyse fertig: %n Bild</numerusform>
            <numerusform>Analyse fertig: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing in the background, ETA %1</source>
        <translation>Analyse im Hintergrund, Restzeit %1</translation>
    </message>
    <message>
        <source>Analysing in the background</source>
        <translation>Analyse im Hintergrund</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobQueue</name>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>cf::ui::KeyframeLane</name>
    <message>
        <source>Keyframe at frame %1: drag to move it, right-click for more</source>
        <translation>Keyframe bei Bild %1: ziehen zum Verschieben, Rechtsklick für mehr</translation>
    </message>
    <message>
        <source>Keyframes: frames with a reference image or colour hints</source>
        <translation>Keyframes: Bilder mit Referenzbild oder Farbhinweisen</translation>
    </message>
    <message>
        <source>Go to Keyframe %1</source>
        <translation>Zu Keyframe %1 springen</translation>
    </message>
    <message>
        <source>Remove Keyframe %1</source>
        <translation>Keyframe %1 entfernen</translation>
    </message>
    <message>
        <source>Set Reference Image for Frame %1…</source>
        <translation>Referenzbild für Bild %1 festlegen…</translation>
    </message>
</context>
<context>
    <name>cf::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Problemstellen</translation>
    </message>
    <message>
        <source>Could not open the video</source>
        <translation>Das Video konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analysiert</translation>
    </message>
    <message>
        <source>Exporting: frame %1 of %2 %3</source>
        <translation>Export: Bild %1 von %2 %3</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Kein Video</translation>
    </message>
    <message>
        <source>About Chromaflow</source>
        <translation>Über Chromaflow</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>&amp;Video öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>Play &amp;Backwards (J)</source>
        <translation>&amp;Rückwärts abspielen (J)</translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation>Pa&amp;use (K)</translation>
    </message>
    <message>
        <source>Play &amp;Forwards (L)</source>
        <translation>&amp;Vorwärts abspielen (L)</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Zum Anfang</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Zum Ende</translation>
    </message>
    <message>
        <source>Set &amp;In Point</source>
        <translation>&amp;In-Punkt setzen</translation>
    </message>
    <message>
        <source>Set &amp;Out Point</source>
        <translation>&amp;Out-Punkt setzen</translation>
    </message>
    <message>
        <source>Clear In/Out</source>
        <translation>In/Out-Punkte löschen</translation>
    </message>
    <message>
        <source>Previous Failure</source>
        <translation>Vorherige Problemstelle</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Split Wipe</source>
        <translation>Geteilte Wischblende</translation>
    </message>
    <message>
        <source>Single View</source>
        <translation>Einzelansicht</translation>
    </message>
    <message>
        <source>Toggle Single Side</source>
        <translation>Angezeigte Seite wechseln</translation>
    </message>
    <message>
        <source>Original | Colourised</source>
        <translation>Original | Koloriert</translation>
    </message>
    <message>
        <source>Raw Network | Smoothed</source>
        <translation>Netzausgabe roh | Geglättet</translation>
    </message>
    <message>
        <source>Source Colours | Colourised</source>
        <translation>Quellfarben | Koloriert</translation>
    </message>
    <message>
        <source>Confidence &amp;Overlay</source>
        <translation>Konfidenz ein&amp;blenden</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;1:1</source>
        <translation>Originalgröße (&amp;1:1)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>Verklei&amp;nern</translation>
    </message>
    <message>
        <source>Timeline Zoom In</source>
        <translation>Zeitleiste vergrößern</translation>
    </message>
    <message>
        <source>Timeline Zoom Out</source>
        <translation>Zeitleiste verkleinern</translation>
    </message>
    <message>
        <source>Timeline: Whole Film</source>
        <translation>Zeitleiste: ganzer Film</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;About Chromaflow</source>
        <translation>&amp;Über Chromaflow</translation>
    </message>
    <message>
        <source>Run the network and the failure analysis over the whole video while you work, starting at the playhead</source>
        <translation>Netz und Problemanalyse während der Arbeit über das ganze Video laufen lassen, beginnend am Abspielkopf</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Opening %1 and loading the model…</source>
        <translation>%1 wird geöffnet und das Modell geladen…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>Video öffnen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Photos and image sequences (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow projects (*.chromaflow);;All files (*)</source>
        <translation>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Fotos und Bildsequenzen (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow-Projekte (*.chromaflow);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Chromaflow projects (*.chromaflow)</source>
        <translation>Chromaflow-Projekte (*.chromaflow)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>No further failures after this frame</source>
        <translation>Keine weiteren Problemstellen nach diesem Bild</translation>
    </message>
    <message>
        <source>No earlier failures before this frame</source>
        <translation>Keine früheren Problemstellen vor diesem Bild</translation>
    </message>
    <message>
        <source>Open a video before exporting</source>
        <translation>Öffnen Sie vor dem Export ein Video</translation>
    </message>
    <message>
        <source>Open a black-and-white video to start (%1 or drop a file)</source>
        <translation>Öffnen Sie ein Schwarzweißvideo, um zu beginnen (%1 oder Datei hierher ziehen)</translation>
    </message>
    <message>
        <source>Chromaflow could not finish the preview, the settings or the analysis</source>
        <translation>Chromaflow konnte die Vorschau, die Einstellungen oder die Analyse nicht abschließen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>Das Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>Das Projekt konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>&amp;Next Failure</source>
        <translation>Nächste &amp;Problemstelle</translation>
    </message>
    <message>
        <source>&amp;Analyse in Background</source>
        <translation>Im &amp;Hintergrund analysieren</translation>
    </message>
    <message numerus="yes">
        <source>Analysed %1 of %n frame(s)</source>
        <translation>
            <numerusform>%1 von %n Bild analysiert</numerusform>
            <numerusform>%1 von %n Bildern analysiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n frame(s) at %2 fps</source>
        <translation>
            <numerusform>%1 geöffnet: %n Bild mit %2 fps</numerusform>
            <numerusform>%1 geöffnet: %n Bilder mit %2 fps</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) still running or queued.</source>
        <translation>
            <numerusform>%n Export läuft noch oder wartet.</numerusform>
            <numerusform>%n Exporte laufen noch oder warten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them and removes their unfinished files.</source>
        <translation>Beim Beenden werden sie abgebrochen und ihre unfertigen Dateien entfernt.</translation>
    </message>
    <message>
        <source>Cancel Exports and Quit</source>
        <translation>Exporte abbrechen und beenden</translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has unsaved changes.</source>
        <translation>Das Projekt „%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>&amp;Cache…</source>
        <translation>Z&amp;wischenspeicher…</translation>
    </message>
    <message>
        <source>Opened the readable part of %1 (truncated file)</source>
        <translation>Lesbarer Teil von %1 geöffnet (abgeschnittene Datei)</translation>
    </message>
    <message>
        <source>This video has no sound</source>
        <translation>Dieses Video hat keinen Ton</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is truncated: the file ends before the film does.</source>
        <translation>„%1“ ist abgeschnitten: Die Datei endet vor dem Film.</translation>
    </message>
    <message>
        <source>Only the first %1 of its %2 frames can be read.</source>
        <translation>Nur die ersten %1 seiner %2 Bilder sind lesbar.</translation>
    </message>
    <message>
        <source>Only its first %1 frames can be read.</source>
        <translation>Nur seine ersten %1 Bilder sind lesbar.</translation>
    </message>
    <message>
        <source>You can open and export that part; the rest of the film is not in the file. A complete copy of the video gives the whole film.</source>
        <translation>Sie können diesen Teil öffnen und exportieren; der Rest des Films ist nicht in der Datei. Eine vollständige Kopie des Videos enthält den ganzen Film.</translation>
    </message>
    <message>
        <source>Open the Readable Part</source>
        <translation>Lesbaren Teil öffnen</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has %n damaged frame(s); the first is frame %2.</source>
        <translation>
            <numerusform>„%1“ hat %n beschädigtes Bild; das erste ist Bild %2.</numerusform>
            <numerusform>„%1“ hat %n beschädigte Bilder; das erste ist Bild %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The decoder hid the damage as well as it could, or repeated the frame before. Check those frames in the preview; the colours follow what the damaged pictures show.</source>
        <translation>Der Decoder hat die Schäden so gut er konnte verdeckt oder das vorige Bild wiederholt. Prüfen Sie diese Bilder in der Vorschau; die Farben folgen dem, was die beschädigten Bilder zeigen.</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Farbkorrektur</translation>
    </message>
    <message>
        <source>The chosen model could not be loaded. The previous model and its analysis are kept.</source>
        <translation>Das gewählte Modell konnte nicht geladen werden. Das bisherige Modell und seine Analyse bleiben erhalten.</translation>
    </message>
    <message>
        <source>%1 (frame %2 of %3)</source>
        <translation>%1 (Bild %2 von %3)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Colourises black-and-white film: a colour network, temporal smoothing along the optical flow, failure inspection, per-shot grading.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, OpenCV and FFmpeg.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Koloriert Schwarzweißfilme: ein Farbnetz, zeitliche Glättung entlang des optischen Flusses, Prüfung von Problemstellen, Farbkorrektur je Einstellung.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, LibTorch, OpenCV und FFmpeg.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Go to Timecode or Frame…</source>
        <translation>&amp;Gehe zu Timecode oder Bild…</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Gehe zu…</translation>
    </message>
    <message>
        <source>Go to a timecode (HH:MM:SS:FF) or a frame number, then press Enter (%1)</source>
        <translation>Zu einem Timecode (HH:MM:SS:FF) oder einer Bildnummer springen, dann Eingabe drücken (%1)</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <translation>Das Benutzerhandbuch ist nicht installiert.</translation>
    </message>
    <message>
        <source>No program to show the user guide was found.</source>
        <translation>Es wurde kein Programm gefunden, das das Benutzerhandbuch anzeigen kann.</translation>
    </message>
    <message>
        <source>It is looked for in share/doc/chromaflow next to the program and in /usr/share/doc/chromaflow.</source>
        <translation>Es wird in share/doc/chromaflow neben dem Programm und in /usr/share/doc/chromaflow gesucht.</translation>
    </message>
    <message>
        <source>Open %1 with a text editor or a Markdown viewer.</source>
        <translation>Öffnen Sie %1 mit einem Texteditor oder einem Markdown-Betrachter.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timecode (HH:MM:SS:FF) or a frame number of this video (0 to %2)</source>
        <translation>„%1“ ist kein Timecode (HH:MM:SS:FF) und keine Bildnummer dieses Videos (0 bis %2)</translation>
    </message>
    <message numerus="yes">
        <source>The timestamps of &quot;%1&quot; jump back %n time(s), so the order of its frames cannot be told from them.</source>
        <translation>
            <numerusform>Die Zeitstempel von „%1“ springen %n-mal zurück, daher lässt sich die Reihenfolge seiner Bilder nicht aus ihnen ablesen.</numerusform>
            <numerusform>Die Zeitstempel von „%1“ springen %n-mal zurück, daher lässt sich die Reihenfolge seiner Bilder nicht aus ihnen ablesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This happens to parts joined into one file, or to a recorder whose clock was reset. Chromaflow can give the frames fresh timestamps in the order they are stored, through a lossless copy in its cache folder, and open that. The original file is not changed; the copy has no sound.</source>
        <translation>Das passiert bei Teilen, die zu einer Datei zusammengefügt wurden, oder bei einem Rekorder, dessen Uhr zurückgesetzt wurde. Chromaflow kann den Bildern in der gespeicherten Reihenfolge neue Zeitstempel geben, über eine verlustfreie Kopie in seinem Cache-Ordner, und diese öffnen. Die Originaldatei bleibt unverändert; die Kopie hat keinen Ton.</translation>
    </message>
    <message>
        <source>Regenerate Timestamps</source>
        <translation>Zeitstempel neu erzeugen</translation>
    </message>
    <message>
        <source>Giving %1 fresh timestamps…</source>
        <translation>%1 erhält neue Zeitstempel…</translation>
    </message>
    <message>
        <source>fresh timestamps</source>
        <translation>neue Zeitstempel</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Could not give the video fresh timestamps</source>
        <translation>Die Zeitstempel des Videos konnten nicht neu erzeugt werden</translation>
    </message>
    <message>
        <source>Hint Tool</source>
        <translation>Hinweis-Werkzeug</translation>
    </message>
    <message>
        <source>Click the colourised picture to give a colour at that point (H)</source>
        <translation>Klicken Sie ins kolorierte Bild, um dort eine Farbe anzugeben (H)</translation>
    </message>
    <message>
        <source>Delete Hint</source>
        <translation>Hinweis löschen</translation>
    </message>
    <message>
        <source>Set Reference Image for This Frame…</source>
        <translation>Referenzbild für dieses Bild festlegen…</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>Hier Keyframe hinzufügen</translation>
    </message>
    <message>
        <source>Frame %1: click the colourised picture to give a colour, or set a reference image (Edit menu, or drop an image on the preview)</source>
        <translation>Bild %1: Klicken Sie ins kolorierte Bild, um eine Farbe anzugeben, oder legen Sie ein Referenzbild fest (Menü Bearbeiten oder ein Bild auf die Vorschau ziehen)</translation>
    </message>
    <message>
        <source>Reference Image for Frame %1</source>
        <translation>Referenzbild für Bild %1</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>This image cannot be the reference of frame %1</source>
        <translation>Dieses Bild kann nicht das Referenzbild von Bild %1 sein</translation>
    </message>
    <message>
        <source>Reference image of frame %1: %2</source>
        <translation>Referenzbild von Bild %1: %2</translation>
    </message>
</context>
<context>
    <name>cf::ui::PreviewWidget</name>
    <message>
        <source>Smoothed (λ %1)</source>
        <translation>Geglättet (λ %1)</translation>
    </message>
    <message>
        <source>Colourised (λ %1)</source>
        <translation>Koloriert (λ %1)</translation>
    </message>
    <message>
        <source>Raw network output</source>
        <translation>Rohe Netzausgabe</translation>
    </message>
    <message>
        <source>Original (the source has no colours)</source>
        <translation>Original (die Quelle hat keine Farben)</translation>
    </message>
    <message>
        <source>Source colours (reference)</source>
        <translation>Quellfarben (Referenz)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Noch nicht verfügbar</translation>
    </message>
    <message>
        <source>Open a video: File &gt; Open, or drop a file here</source>
        <translation>Video öffnen: Datei &gt; Video öffnen, oder eine Datei hierher ziehen</translation>
    </message>
    <message>
        <source>%1 · frame %2</source>
        <translation>%1 · Bild %2</translation>
    </message>
    <message>
        <source>less sure</source>
        <translation>weniger sicher</translation>
    </message>
    <message>
        <source>more sure</source>
        <translation>sicherer</translation>
    </message>
    <message>
        <source>%1 · keyframe colour being propagated…</source>
        <translation>%1 · Keyframe-Farbe wird übertragen…</translation>
    </message>
    <message>
        <source>%1 · keyframe colour</source>
        <translation>%1 · Keyframe-Farbe</translation>
    </message>
    <message>
        <source>%1 · keyframe colour not propagated</source>
        <translation>%1 · Keyframe-Farbe nicht übertragen</translation>
    </message>
</context>
<context>
    <name>cf::ui::Project</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <source>Set λ to %1</source>
        <translation>λ auf %1 setzen</translation>
    </message>
    <message>
        <source>Set λ %1 for the shot at frame %2</source>
        <translation>λ %1 für die Einstellung bei Bild %2 setzen</translation>
    </message>
    <message>
        <source>Set temperature %1 for the shot at frame %2</source>
        <translation>Temperatur %1 für die Einstellung bei Bild %2 setzen</translation>
    </message>
    <message>
        <source>Clear the overrides of the shot at frame %1</source>
        <translation>Einzelwerte der Einstellung bei Bild %1 zurücksetzen</translation>
    </message>
    <message>
        <source>Set in/out range</source>
        <translation>In/Out-Bereich setzen</translation>
    </message>
    <message>
        <source>Change export settings</source>
        <translation>Exporteinstellungen ändern</translation>
    </message>
    <message>
        <source>Add a colour hint on frame %1</source>
        <translation>Farbhinweis auf Bild %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove a colour hint on frame %1</source>
        <translation>Farbhinweis auf Bild %1 entfernen</translation>
    </message>
    <message>
        <source>Change a colour hint on frame %1</source>
        <translation>Farbhinweis auf Bild %1 ändern</translation>
    </message>
    <message>
        <source>Remove the reference image of frame %1</source>
        <translation>Referenzbild von Bild %1 entfernen</translation>
    </message>
    <message>
        <source>Set the reference image of frame %1</source>
        <translation>Referenzbild von Bild %1 festlegen</translation>
    </message>
    <message>
        <source>Move the keyframe %1 to frame %2</source>
        <translation>Schlüsselbild %1 nach Bild %2 verschieben</translation>
    </message>
    <message>
        <source>Remove the keyframe %1</source>
        <translation>Schlüsselbild %1 entfernen</translation>
    </message>
    <message>
        <source>Set the reference strength to %1</source>
        <translation>Referenzstärke auf %1 setzen</translation>
    </message>
    <message>
        <source>Clear the mark of failure %1</source>
        <translation>Markierung von Fehler %1 löschen</translation>
    </message>
    <message>
        <source>Ignore failure %1</source>
        <translation>Fehler %1 ignorieren</translation>
    </message>
    <message>
        <source>Mark failure %1 reviewed</source>
        <translation>Fehler %1 als geprüft markieren</translation>
    </message>
    <message>
        <source>Grade the shot at frame %1</source>
        <translation>Farbkorrektur der Einstellung ab Bild %1</translation>
    </message>
</context>
<context>
    <name>cf::ui::ProjectFile</name>
    <message>
        <source>cannot read project %1: %2 at offset %3; check the file is a Chromaflow project</source>
        <translation>Projekt %1 kann nicht gelesen werden: %2 an Position %3; prüfen Sie, ob die Datei ein Chromaflow-Projekt ist</translation>
    </message>
    <message>
        <source>cannot read project %1: not a Chromaflow project file</source>
        <translation>Projekt %1 kann nicht gelesen werden: keine Chromaflow-Projektdatei</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; choose a writable folder</source>
        <translation>Projekt %1 kann nicht gespeichert werden: %2; wählen Sie einen beschreibbaren Ordner</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; check the free disk space</source>
        <translation>Projekt %1 kann nicht gespeichert werden: %2; prüfen Sie den freien Speicherplatz</translation>
    </message>
    <message>
        <source>cannot open project %1: %2</source>
        <translation>Projekt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot open project %1: it is not a regular file (a folder, named pipe or device)</source>
        <translation>Projekt %1 kann nicht geöffnet werden: es ist keine normale Datei (ein Ordner, eine benannte Pipe oder ein Gerät)</translation>
    </message>
    <message>
        <source>cannot read project %1: the grade of the shot at frame %2: %3</source>
        <translation>Projekt %1 kann nicht gelesen werden: die Farbkorrektur der Einstellung ab Bild %2: %3</translation>
    </message>
    <message>
        <source>cannot open project %1: it was saved by a newer Chromaflow (project format version %2; this version reads up to %3), and opening it here would lose what that version added. Update Chromaflow to open it</source>
        <translation>Projekt %1 kann nicht geöffnet werden: Es wurde mit einem neueren Chromaflow gespeichert (Projektformat-Version %2; diese Version liest bis %3), und beim Öffnen ginge verloren, was jene Version hinzugefügt hat. Aktualisieren Sie Chromaflow, um es zu öffnen</translation>
    </message>
    <message>
        <source>cannot read project %1: format version %2 is not supported; check the file is a Chromaflow project</source>
        <translation>Projekt %1 kann nicht gelesen werden: Formatversion %2 wird nicht unterstützt; prüfen Sie, ob die Datei ein Chromaflow-Projekt ist</translation>
    </message>
</context>
<context>
    <name>cf::ui::ReferencePicker</name>
    <message>
        <source>Pick a colour from the reference image</source>
        <translation>Eine Farbe aus dem Referenzbild aufnehmen</translation>
    </message>
    <message>
        <source>The reference image %1 could not be read.</source>
        <translation>Das Referenzbild %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Click the colour to use.</source>
        <translation>Klicken Sie auf die gewünschte Farbe.</translation>
    </message>
</context>
<context>
    <name>cf::ui::SettingsPanel</name>
    <message>
        <source>Outlier z-score (0 = off)</source>
        <translation>Ausreißer-z-Wert (0 = aus)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Shipped default model</source>
        <translation>Mitgeliefertes Standardmodell</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>Annealed-mean temperature of classification heads: lower gives bolder colours, higher gives safer, duller ones</source>
        <translation>Temperatur des Annealed Mean bei Klassifikationsköpfen: niedriger ergibt kräftigere Farben, höher sicherere, mattere</translation>
    </message>
    <message>
        <source>Height the network works at; the colours are upsampled to the full frame</source>
        <translation>Höhe, in der das Netz rechnet; die Farben werden auf das volle Bild hochskaliert</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>(not known until a video is open)</source>
        <translation>(erst bekannt, wenn ein Video geöffnet ist)</translation>
    </message>
    <message>
        <source>Temporal smoothing</source>
        <translation>Zeitliche Glättung</translation>
    </message>
    <message>
        <source>Smoothing strength λ: 0 is off; higher values remove more flicker but can smear colours across motion</source>
        <translation>Glättungsstärke λ: 0 ist aus; höhere Werte entfernen mehr Flackern, können Farben bei Bewegung aber verschmieren</translation>
    </message>
    <message>
        <source>DIS (fast)</source>
        <translation>DIS (schnell)</translation>
    </message>
    <message>
        <source>TV-L1 (accurate, slow)</source>
        <translation>TV-L1 (genau, langsam)</translation>
    </message>
    <message>
        <source>Optical flow</source>
        <translation>Optischer Fluss</translation>
    </message>
    <message>
        <source>Failure thresholds</source>
        <translation>Schwellen für Problemstellen</translation>
    </message>
    <message>
        <source>Current shot</source>
        <translation>Aktuelle Einstellung</translation>
    </message>
    <message>
        <source>Use this λ for the shot</source>
        <translation>Dieses λ für die Einstellung</translation>
    </message>
    <message>
        <source>Use this temperature</source>
        <translation>Diese Temperatur verwenden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Kein Video geöffnet</translation>
    </message>
    <message>
        <source>Frames %1-%2</source>
        <translation>Bilder %1–%2</translation>
    </message>
    <message>
        <source>λ %1 (override)</source>
        <translation>λ %1 (überschrieben)</translation>
    </message>
    <message>
        <source>Temperature %1 (override)</source>
        <translation>Temperatur %1 (überschrieben)</translation>
    </message>
    <message>
        <source>Uses the global settings</source>
        <translation>Verwendet die globalen Einstellungen</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Chromaflow or TorchScript models (*.cfmodel *.pt *.ts);;All files (*)</source>
        <translation>Chromaflow- oder TorchScript-Modelle (*.cfmodel *.pt *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Sepia (share of chroma, 0-1)</source>
        <translation>Sepia (Anteil der Farbe, 0-1)</translation>
    </message>
    <message>
        <source>Flag a frame as sepia when more than this share of its colour lies in the orange-brown hue band</source>
        <translation>Ein Bild als Sepia markieren, wenn mehr als dieser Anteil seiner Farbe im orange-braunen Farbtonbereich liegt</translation>
    </message>
    <message>
        <source>Minimum colourfulness (0-100)</source>
        <translation>Mindestfarbigkeit (0-100)</translation>
    </message>
    <message>
        <source>Flag a frame as washed out when its colourfulness (Hasler-Süsstrunk) is below this value</source>
        <translation>Ein Bild als ausgewaschen markieren, wenn seine Farbigkeit (Hasler-Süsstrunk) unter diesem Wert liegt</translation>
    </message>
    <message>
        <source>Low-confidence area (share, 0-1)</source>
        <translation>Fläche mit geringer Sicherheit (Anteil, 0-1)</translation>
    </message>
    <message>
        <source>Flag a frame when more than this share of it has a model confidence below 0.2</source>
        <translation>Ein Bild markieren, wenn bei mehr als diesem Anteil die Modellsicherheit unter 0,2 liegt</translation>
    </message>
    <message>
        <source>Flicker (× shot median)</source>
        <translation>Flimmern (× Median der Einstellung)</translation>
    </message>
    <message>
        <source>Flag a frame when its colour flicker is this many times the median flicker of its shot</source>
        <translation>Ein Bild markieren, wenn sein Farbflimmern so viele Male so stark ist wie der Median seiner Einstellung</translation>
    </message>
    <message>
        <source>Motion (share of width, 0-1)</source>
        <translation>Bewegung (Anteil der Breite, 0-1)</translation>
    </message>
    <message>
        <source>Flag heavy motion when the mean movement between frames exceeds this share of the frame width</source>
        <translation>Starke Bewegung markieren, wenn die mittlere Bewegung zwischen Bildern diesen Anteil der Bildbreite übersteigt</translation>
    </message>
    <message>
        <source>Occluded area (share, 0-1)</source>
        <translation>Verdeckte Fläche (Anteil, 0-1)</translation>
    </message>
    <message>
        <source>Flag heavy motion when this share of the frame is hidden or revealed between frames (an outlier in its shot)</source>
        <translation>Starke Bewegung markieren, wenn dieser Anteil des Bildes zwischen Bildern verdeckt oder aufgedeckt wird (ein Ausreißer in seiner Einstellung)</translation>
    </message>
    <message>
        <source>Also flag a frame whose measures stand out from the rest of its shot by more than this robust z-score; 0 turns it off</source>
        <translation>Auch ein Bild markieren, dessen Messwerte um mehr als diesen robusten z-Wert vom Rest seiner Einstellung abweichen; 0 schaltet das aus</translation>
    </message>
    <message>
        <source>The colourisation model: the shipped one, one installed in a models folder, or any model file</source>
        <translation>Das Kolorierungsmodell: das mitgelieferte, eines aus einem Modellordner oder eine beliebige Modelldatei</translation>
    </message>
    <message>
        <source>Temperature (0-2)</source>
        <translation>Temperatur (0-2)</translation>
    </message>
    <message>
        <source>Working height (px)</source>
        <translation>Arbeitshöhe (px)</translation>
    </message>
    <message>
        <source>Where the network runs: Automatic uses a CUDA GPU when there is one</source>
        <translation>Wo das Netz läuft: Automatisch nutzt eine CUDA-GPU, wenn eine vorhanden ist</translation>
    </message>
    <message>
        <source>The device the network actually runs on</source>
        <translation>Das Gerät, auf dem das Netz tatsächlich läuft</translation>
    </message>
    <message>
        <source>Smoothing λ</source>
        <translation>Glättung λ</translation>
    </message>
    <message>
        <source>How motion between frames is measured for the smoothing: DIS is fast, TV-L1 is the most accurate</source>
        <translation>Wie die Bewegung zwischen Bildern für die Glättung gemessen wird: DIS ist schnell, TV-L1 am genauesten</translation>
    </message>
    <message>
        <source>Smooth the shot under the playhead with the λ above</source>
        <translation>Die Einstellung unter dem Abspielkopf mit dem λ oben glätten</translation>
    </message>
    <message>
        <source>Colour the shot under the playhead at the temperature above</source>
        <translation>Die Einstellung unter dem Abspielkopf mit der Temperatur oben kolorieren</translation>
    </message>
    <message>
        <source>The shot under the playhead goes back to the global settings</source>
        <translation>Die Einstellung unter dem Abspielkopf verwendet wieder die globalen Einstellungen</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Andere Datei…</translation>
    </message>
    <message>
        <source>Choose a .cfmodel or TorchScript file anywhere</source>
        <translation>Eine .cfmodel- oder TorchScript-Datei von beliebigem Ort wählen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model Chromaflow can use. The current model stays in use.</source>
        <translation>„%1“ ist kein Modell, das Chromaflow verwenden kann. Das aktuelle Modell bleibt in Gebrauch.</translation>
    </message>
    <message>
        <source>Choose a Chromaflow model (.cfmodel) or a TorchScript model (.pt, .ts).</source>
        <translation>Wählen Sie ein Chromaflow-Modell (.cfmodel) oder ein TorchScript-Modell (.pt, .ts).</translation>
    </message>
</context>
<context>
    <name>cf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>cf::ui::SuggestedColours</name>
    <message>
        <source>Colour of the hint</source>
        <translation>Farbe des Hinweises</translation>
    </message>
    <message>
        <source>Colour of this point</source>
        <translation>Farbe dieses Punkts</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Andere Farbe…</translation>
    </message>
    <message>
        <source>Pick from the reference image…</source>
        <translation>Aus dem Referenzbild aufnehmen…</translation>
    </message>
    <message>
        <source>Asking the model for its likely colours…</source>
        <translation>Das Modell wird nach wahrscheinlichen Farben gefragt…</translation>
    </message>
    <message>
        <source>%1 (%2 % likely)</source>
        <translation>%1 (%2 % wahrscheinlich)</translation>
    </message>
    <message>
        <source>The model&apos;s most likely colours here, most likely first</source>
        <translation>Die wahrscheinlichsten Farben des Modells an dieser Stelle, die wahrscheinlichste zuerst</translation>
    </message>
</context>
<context>
    <name>cf::ui::TimelineWidget</name>
    <message>
        <source>Open a video to see its timeline</source>
        <translation>Öffnen Sie ein Video, um seine Zeitleiste zu sehen</translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation>Farbigkeit</translation>
    </message>
    <message>
        <source>Flicker</source>
        <translation>Flackern</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>%1, frames %2-%3: %4</source>
        <translation>%1, Bilder %2–%3: %4</translation>
    </message>
    <message>
        <source>Frame %1 (%2)</source>
        <translation>Bild %1 (%2)</translation>
    </message>
    <message>
        <source>Colourfulness %1, flicker %2, confidence %3</source>
        <translation>Farbigkeit %1, Flackern %2, Konfidenz %3</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>Geringe Konfidenz</translation>
    </message>
    <message>
        <source>Heavy motion</source>
        <translation>Starke Bewegung</translation>
    </message>
    <message>
        <source>Desaturated (colour averaging)</source>
        <translation>Entsättigt (Farbmittelung)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Colourise black-and-white video.</source>
        <translation>Schwarzweißvideos kolorieren.</translation>
    </message>
    <message>
        <source>Video or project to open.</source>
        <translation>Zu öffnendes Video oder Projekt.</translation>
    </message>
    <message>
        <source>Open the file, wait for its first preview, save a screenshot of the window to &lt;png&gt; and quit (for documentation, e.g. under Xvfb).</source>
        <translation>Datei öffnen, auf die erste Vorschau warten, ein Bildschirmfoto des Fensters als &lt;png&gt; speichern und beenden (für die Dokumentation, z. B. unter Xvfb).</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de, fr, es or zh_CN (default: the View &gt; Language setting, else the system locale).</source>
        <translation>Sprache der Oberfläche für diesen Start: en, de, fr, es oder zh_CN (Standard: die Einstellung unter Ansicht &gt; Sprache, sonst die Systemsprache).</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;; use one of: %2</source>
        <translation>unbekannte Sprache „%1“; verwenden Sie eine von: %2</translation>
    </message>
    <message>
        <source>With --screenshot: seconds to wait after the first preview (default 3; longer lets keyframe colour propagate).</source>
        <translation>Mit --screenshot: Sekunden, die nach der ersten Vorschau gewartet wird (Standard 3; länger lässt die Keyframe-Farbe sich ausbreiten).</translation>
    </message>
    <message>
        <source>Open the video at this frame (0-based) instead of the first.</source>
        <translation>Das Video bei diesem Bild (ab 0 gezählt) statt beim ersten öffnen.</translation>
    </message>
    <message>
        <source>--frame needs a frame number (0 or more), not &apos;%1&apos;</source>
        <translation>--frame braucht eine Bildnummer (0 oder mehr), nicht &apos;%1&apos;</translation>
    </message>
</context>
</TS>
