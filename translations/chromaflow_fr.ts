<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>cf::ui::AudioControls</name>
    <message>
        <source>Mute</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Mute the preview&apos;s sound (playback keeps its timing)</source>
        <translation>Couper le son de l&apos;aperçu (la lecture garde son rythme)</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Pas de son</translation>
    </message>
    <message>
        <source>Volume of the preview&apos;s sound, in per cent</source>
        <translation>Volume du son de l&apos;aperçu, en pour cent</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Niveau sonore</translation>
    </message>
</context>
<context>
    <name>cf::ui::AudioPlayback</name>
    <message>
        <source>No sound output device; the video plays without sound.</source>
        <translation>Aucun périphérique de sortie audio ; la vidéo est lue sans son.</translation>
    </message>
    <message>
        <source>The sound output could not start; the video plays without sound.</source>
        <translation>La sortie audio n&apos;a pas pu démarrer ; la vidéo est lue sans son.</translation>
    </message>
</context>
<context>
    <name>cf::ui::CacheDialog</name>
    <message>
        <source>Cache</source>
        <translation>Mémoire cache</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Delete the cached network output and optical flows of this video; they are computed again when needed</source>
        <translation>Supprimer la sortie du réseau et les flux optiques en cache de cette vidéo ; ils seront recalculés si besoin</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Tout vider</translation>
    </message>
    <message>
        <source>Delete the cache of every video</source>
        <translation>Supprimer le cache de toutes les vidéos</translation>
    </message>
    <message>
        <source>This video:</source>
        <translation>Cette vidéo :</translation>
    </message>
    <message>
        <source>All videos:</source>
        <translation>Toutes les vidéos :</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>Beyond this size the least recently used videos&apos; caches are deleted</source>
        <translation>Au-delà de cette taille, les caches des vidéos utilisées le moins récemment sont supprimés</translation>
    </message>
    <message>
        <source>Size limit:</source>
        <translation>Taille maximale :</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Déplacer…</translation>
    </message>
    <message>
        <source>Move the cache, with everything in it, to another folder</source>
        <translation>Déplacer le cache, avec tout son contenu, vers un autre dossier</translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation>Dossier du cache :</translation>
    </message>
    <message>
        <source>no video open</source>
        <translation>aucune vidéo ouverte</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n folder(s)</source>
        <translation>
            <numerusform>%1 dans %n dossier</numerusform>
            <numerusform>%1 dans %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>The cache of this video was cleared.</source>
        <translation>Le cache de cette vidéo a été vidé.</translation>
    </message>
    <message>
        <source>The cache was cleared.</source>
        <translation>Le cache a été vidé.</translation>
    </message>
    <message>
        <source>%1 of least recently used caches deleted.</source>
        <translation>%1 de caches utilisés le moins récemment supprimés.</translation>
    </message>
    <message>
        <source>The cache was moved to %1.</source>
        <translation>Le cache a été déplacé vers %1.</translation>
    </message>
    <message>
        <source>Move the cache to</source>
        <translation>Déplacer le cache vers</translation>
    </message>
</context>
<context>
    <name>cf::ui::CoreText</name>
    <message>
        <source>sepia: %1 % of chroma in the %2-%3 degree hue band</source>
        <translation>sépia : %1 % de la chrominance dans la plage de teinte %2–%3 degrés</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1 is below %2 (colour averaging)</source>
        <translation>désaturé : richesse chromatique %1 inférieure à %2 (moyennage des couleurs)</translation>
    </message>
    <message>
        <source>desaturated: colourfulness %1, far below the shot&apos;s median %2</source>
        <translation>désaturé : richesse chromatique %1, très en dessous de la médiane du plan (%2)</translation>
    </message>
    <message>
        <source>low confidence on %1 % of the frame</source>
        <translation>faible confiance sur %1 % de l&apos;image</translation>
    </message>
    <message>
        <source>confidence %1, far below the shot&apos;s median %2</source>
        <translation>confiance %1, très en dessous de la médiane du plan (%2)</translation>
    </message>
    <message>
        <source>flicker: the colour jumps by %1 ab units between frames</source>
        <translation>scintillement : la couleur varie de %1 unités ab d&apos;une image à l&apos;autre</translation>
    </message>
    <message>
        <source>flicker %1 times the shot&apos;s median</source>
        <translation>scintillement : %1 fois la médiane du plan</translation>
    </message>
    <message>
        <source>heavy motion or an undetected cut: %1 % occluded</source>
        <translation>mouvement important ou coupe non détectée : %1 % occulté</translation>
    </message>
    <message>
        <source>heavy motion: %1 % occluded</source>
        <translation>mouvement important : %1 % occulté</translation>
    </message>
    <message>
        <source>heavy motion: %1 % of the frame width per frame</source>
        <translation>mouvement important : %1 % de la largeur de l&apos;image par image</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>Processeur (%n thread)</numerusform>
            <numerusform>Processeur (%n threads)</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA GPU (half precision)</source>
        <translation>GPU CUDA (demi-précision)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Scanning for cuts</source>
        <translation>Recherche des coupes</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analyse</translation>
    </message>
</context>
<context>
    <name>cf::ui::ExportDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Export colourised video</source>
        <translation>Exporter la vidéo colorisée</translation>
    </message>
    <message>
        <source>MKV / FFV1 (lossless)</source>
        <translation>MKV / FFV1 (sans perte)</translation>
    </message>
    <message>
        <source>Image sequence / %1</source>
        <translation>Séquence d&apos;images / %1</translation>
    </message>
    <message>
        <source>As the source</source>
        <translation>Comme la source</translation>
    </message>
    <message>
        <source>Bit depth</source>
        <translation>Profondeur de bits</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Constant rate factor: lower is better and larger; 18 looks lossless</source>
        <translation>Facteur de débit constant : plus bas donne une meilleure qualité et un fichier plus gros ; 18 paraît sans perte</translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation>Vidéo entière</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Choisir l&apos;emplacement d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Output file</source>
        <translation>Fichier de sortie</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Annuler l&apos;exportation</translation>
    </message>
    <message>
        <source>In/out range (frames %1-%2)</source>
        <translation>Plage entrée/sortie (images %1–%2)</translation>
    </message>
    <message>
        <source>In/out range (set with I and O)</source>
        <translation>Plage entrée/sortie (à définir avec I et O)</translation>
    </message>
    <message>
        <source>Keep the original sound</source>
        <translation>Conserver le son d&apos;origine</translation>
    </message>
    <message>
        <source>Keep the original sound (the source has none)</source>
        <translation>Conserver le son d&apos;origine (la source n&apos;en a pas)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Video files (*.mp4 *.mkv *.mov)</source>
        <translation>Fichiers vidéo (*.mp4 *.mkv *.mov)</translation>
    </message>
    <message>
        <source>Choose an output file first.</source>
        <translation>Choisissez d&apos;abord un fichier de sortie.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Frame %1 of %2, ETA %3</source>
        <translation>Image %1 sur %2, temps restant %3</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Image %1 sur %2</translation>
    </message>
    <message>
        <source>Container and video codec of the exported file; FFV1 is lossless and large, ProRes suits editing software</source>
        <translation>Conteneur et codec vidéo du fichier exporté ; FFV1 est sans perte et volumineux, ProRes convient aux logiciels de montage</translation>
    </message>
    <message>
        <source>Quality (CRF, 0-51)</source>
        <translation>Qualité (CRF, 0-51)</translation>
    </message>
    <message>
        <source>Export every frame of the video</source>
        <translation>Exporter toutes les images de la vidéo</translation>
    </message>
    <message>
        <source>Export only the frames between the in and out points</source>
        <translation>Exporter seulement les images entre le point d&apos;entrée et le point de sortie</translation>
    </message>
    <message>
        <source>Copy the source&apos;s sound into the export, unchanged</source>
        <translation>Copier le son de la source dans l&apos;export, sans le modifier</translation>
    </message>
    <message>
        <source>The file the colourised video is written to (it appears only once the export has finished)</source>
        <translation>Le fichier dans lequel la vidéo colorisée est écrite (il n&apos;apparaît qu&apos;une fois l&apos;export terminé)</translation>
    </message>
    <message>
        <source>Bits per colour channel of the output; &quot;As the source&quot; keeps the source&apos;s depth (10 bits or more suit archive masters)</source>
        <translation>Bits par canal de couleur de la sortie ; « Comme la source » garde la profondeur de la source (10 bits ou plus conviennent aux masters d&apos;archive)</translation>
    </message>
</context>
<context>
    <name>cf::ui::FailuresPanel</name>
    <message>
        <source>Frames</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>No failures flagged so far</source>
        <translation>Aucun défaut signalé pour l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged range(s)</source>
        <translation>
            <numerusform>%n plage signalée</numerusform>
            <numerusform>%n plages signalées</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>All kinds (%1)</source>
        <translation>Tous les types (%1)</translation>
    </message>
    <message>
        <source>%1 marked</source>
        <translation>%1 marqués</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>By time</source>
        <translation>Par temps</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>Par gravité</translation>
    </message>
    <message>
        <source>Order of the list: by first frame, or the worst failures first</source>
        <translation>Ordre de la liste : par première image, ou les pires défauts d&apos;abord</translation>
    </message>
    <message>
        <source>Show only the failures of one kind</source>
        <translation>N&apos;afficher que les défauts d&apos;un type</translation>
    </message>
    <message>
        <source>Hide ignored</source>
        <translation>Masquer les ignorés</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer vérifié</translation>
    </message>
    <message>
        <source>Mark the selected failures as looked at</source>
        <translation>Marquer les défauts choisis comme examinés</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Mark the selected failures as acceptable (saved in the project)</source>
        <translation>Marquer les défauts choisis comme acceptables (enregistré dans le projet)</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>Effacer la marque</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>Ajouter une image clé ici</translation>
    </message>
</context>
<context>
    <name>cf::ui::GradePanel</name>
    <message>
        <source>Saturation (%)</source>
        <translation>Saturation (en %)</translation>
    </message>
    <message>
        <source>How colourful the shot is: 0 % is grey, 100 % unchanged, 300 % three times as strong</source>
        <translation>Intensité des couleurs du plan : 0 % est gris, 100 % inchangé, 300 % trois fois plus fort</translation>
    </message>
    <message>
        <source>Temperature (b*)</source>
        <translation>Température (b*)</translation>
    </message>
    <message>
        <source>White balance: to the right warmer (yellow), to the left cooler (blue), in Lab b* units</source>
        <translation>Balance des blancs : vers la droite plus chaud (jaune), vers la gauche plus froid (bleu), en unités Lab b*</translation>
    </message>
    <message>
        <source>Tint (a*)</source>
        <translation>Teinte (a*)</translation>
    </message>
    <message>
        <source>White balance: to the right magenta, to the left green, in Lab a* units</source>
        <translation>Balance des blancs : vers la droite magenta, vers la gauche vert, en unités Lab a*</translation>
    </message>
    <message>
        <source>Hue remap</source>
        <translation>Remappage de teinte</translation>
    </message>
    <message>
        <source>Move one range of hues to another hue, e.g. make these reds blue</source>
        <translation>Déplacer une plage de teintes vers une autre teinte, par ex. rendre ces rouges bleus</translation>
    </message>
    <message>
        <source>From hue (°)</source>
        <translation>Teinte de début (°)</translation>
    </message>
    <message>
        <source>Start of the hue range to move (Lab hue angle: red about 40°, yellow 90°, green 135°, blue 280°)</source>
        <translation>Début de la plage de teintes à déplacer (angle de teinte Lab : rouge environ 40°, jaune 90°, vert 135°, bleu 280°)</translation>
    </message>
    <message>
        <source>To hue (°)</source>
        <translation>Teinte de fin (°)</translation>
    </message>
    <message>
        <source>End of the hue range to move</source>
        <translation>Fin de la plage de teintes à déplacer</translation>
    </message>
    <message>
        <source>Target hue (°)</source>
        <translation>Teinte cible (°)</translation>
    </message>
    <message>
        <source>The hue the middle of the range moves to</source>
        <translation>La teinte vers laquelle se déplace le milieu de la plage</translation>
    </message>
    <message>
        <source>Softness (°)</source>
        <translation>Douceur (°)</translation>
    </message>
    <message>
        <source>Hues this close outside the range move part of the way, so edges do not band</source>
        <translation>Les teintes aussi proches hors de la plage se déplacent en partie, pour éviter les bandes sur les bords</translation>
    </message>
    <message>
        <source>Reset the shot&apos;s grade</source>
        <translation>Réinitialiser l&apos;étalonnage du plan</translation>
    </message>
    <message>
        <source>Back to the colours the model gave the shot</source>
        <translation>Revenir aux couleurs que le modèle a données au plan</translation>
    </message>
    <message>
        <source>Grade of the shot at frames %1-%2</source>
        <translation>Étalonnage du plan des images %1-%2</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Aucune vidéo ouverte</translation>
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
        <translation>Couleur des images clés : propagation dans le plan</translation>
    </message>
    <message>
        <source>Keyframe colour of frames %1 to %2 is ready</source>
        <translation>La couleur des images clés des images %1 à %2 est prête</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Temps restant %1</translation>
    </message>
    <message>
        <source>Keyframe colour stopped: the shot previews without it until a keyframe or hint changes</source>
        <translation>Couleur des images clés arrêtée : le plan s’affiche sans elle jusqu’à ce qu’une image clé ou une indication change</translation>
    </message>
    <message>
        <source>Stopped at %p%</source>
        <translation>Arrêté à %p%</translation>
    </message>
    <message>
        <source>It reaches less than half of frames %1 to %2 (at frame %3 only %4 % of the picture), where the network guesses the colour: a reference or hints there would help.</source>
        <translation>Elle atteint moins de la moitié des images %1 à %2 (à l’image %3, seulement %4 % de l’image), où le réseau devine la couleur : une référence ou des indices à cet endroit aideraient.</translation>
    </message>
    <message>
        <source>Go to Frame %1</source>
        <translation>Aller à l’image %1</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobPanel</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Temps restant %1</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportations</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Export to %1</source>
        <translation>Export vers %1</translation>
    </message>
    <message>
        <source>Waiting for the exports before it</source>
        <translation>En attente des exports précédents</translation>
    </message>
    <message>
        <source>Cancelled at %p%</source>
        <translation>Annulé à %p%</translation>
    </message>
    <message>
        <source>Failed at %p%</source>
        <translation>Échec à %p%</translation>
    </message>
    <message>
        <source>Analysis: no video open</source>
        <translation>Analyse : aucune vidéo ouverte</translation>
    </message>
    <message numerus="yes">
        <source>Analysis complete: %n frame(s)</source>
        <translation>
            <numerusform>Analyse terminée : %n image</numerusform>
            <numerusform>Analyse terminée : %n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing in the background, ETA %1</source>
        <translation>Analyse en arrière-plan, reste %1</translation>
    </message>
    <message>
        <source>Analysing in the background</source>
        <translation>Analyse en arrière-plan</translation>
    </message>
</context>
<context>
    <name>cf::ui::JobQueue</name>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportation annulée ; aucun fichier n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>cf::ui::KeyframeLane</name>
    <message>
        <source>Keyframe at frame %1: drag to move it, right-click for more</source>
        <translation>Image clé à l’image %1 : faites-la glisser pour la déplacer, clic droit pour plus</translation>
    </message>
    <message>
        <source>Keyframes: frames with a reference image or colour hints</source>
        <translation>Images clés : images avec une image de référence ou des indications de couleur</translation>
    </message>
    <message>
        <source>Go to Keyframe %1</source>
        <translation>Aller à l’image clé %1</translation>
    </message>
    <message>
        <source>Remove Keyframe %1</source>
        <translation>Supprimer l’image clé %1</translation>
    </message>
    <message>
        <source>Set Reference Image for Frame %1…</source>
        <translation>Définir l’image de référence de l’image %1…</translation>
    </message>
</context>
<context>
    <name>cf::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Défauts</translation>
    </message>
    <message>
        <source>Could not open the video</source>
        <translation>Impossible d&apos;ouvrir la vidéo</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>Analysée</translation>
    </message>
    <message>
        <source>Exporting: frame %1 of %2 %3</source>
        <translation>Exportation : image %1 sur %2 %3</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>Aucune vidéo</translation>
    </message>
    <message>
        <source>About Chromaflow</source>
        <translation>À propos de Chromaflow</translation>
    </message>
    <message>
        <source>&amp;Open Video…</source>
        <translation>&amp;Ouvrir une vidéo…</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>Ouvrir un &amp;projet…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Lecture / Pause</translation>
    </message>
    <message>
        <source>Play &amp;Backwards (J)</source>
        <translation>Lecture &amp;arrière (J)</translation>
    </message>
    <message>
        <source>Pa&amp;use (K)</source>
        <translation>Pa&amp;use (K)</translation>
    </message>
    <message>
        <source>Play &amp;Forwards (L)</source>
        <translation>Lecture a&amp;vant (L)</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <source>Go to Start</source>
        <translation>Aller au début</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>Aller à la fin</translation>
    </message>
    <message>
        <source>Set &amp;In Point</source>
        <translation>Définir le point d&apos;&amp;entrée</translation>
    </message>
    <message>
        <source>Set &amp;Out Point</source>
        <translation>Définir le point de &amp;sortie</translation>
    </message>
    <message>
        <source>Clear In/Out</source>
        <translation>Effacer l&apos;entrée et la sortie</translation>
    </message>
    <message>
        <source>Previous Failure</source>
        <translation>Défaut précédent</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Split Wipe</source>
        <translation>Volet partagé</translation>
    </message>
    <message>
        <source>Single View</source>
        <translation>Vue unique</translation>
    </message>
    <message>
        <source>Toggle Single Side</source>
        <translation>Changer de côté affiché</translation>
    </message>
    <message>
        <source>Original | Colourised</source>
        <translation>Original | Colorisé</translation>
    </message>
    <message>
        <source>Raw Network | Smoothed</source>
        <translation>Réseau brut | Lissé</translation>
    </message>
    <message>
        <source>Source Colours | Colourised</source>
        <translation>Couleurs sources | Colorisé</translation>
    </message>
    <message>
        <source>Confidence &amp;Overlay</source>
        <translation>Superposition de la &amp;confiance</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Zoom &amp;1:1</source>
        <translation>Taille réelle (&amp;1:1)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Timeline Zoom In</source>
        <translation>Zoom avant sur la ligne temporelle</translation>
    </message>
    <message>
        <source>Timeline Zoom Out</source>
        <translation>Zoom arrière sur la ligne temporelle</translation>
    </message>
    <message>
        <source>Timeline: Whole Film</source>
        <translation>Ligne temporelle : film entier</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;About Chromaflow</source>
        <translation>À &amp;propos de Chromaflow</translation>
    </message>
    <message>
        <source>Run the network and the failure analysis over the whole video while you work, starting at the playhead</source>
        <translation>Exécuter le réseau et l&apos;analyse des défauts sur toute la vidéo pendant que vous travaillez, à partir de la tête de lecture</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Opening %1 and loading the model…</source>
        <translation>Ouverture de %1 et chargement du modèle…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Open a video</source>
        <translation>Ouvrir une vidéo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Photos and image sequences (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Chromaflow projects (*.chromaflow);;All files (*)</source>
        <translation>Vidéos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg);;Photos et séquences d&apos;images (*.dpx *.tif *.tiff *.png *.jpg *.jpeg *.exr *.webp *.bmp);;Projets Chromaflow (*.chromaflow);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Chromaflow projects (*.chromaflow)</source>
        <translation>Projets Chromaflow (*.chromaflow)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Effacer la liste</translation>
    </message>
    <message>
        <source>No further failures after this frame</source>
        <translation>Aucun autre défaut après cette image</translation>
    </message>
    <message>
        <source>No earlier failures before this frame</source>
        <translation>Aucun défaut avant cette image</translation>
    </message>
    <message>
        <source>Open a video before exporting</source>
        <translation>Ouvrez une vidéo avant d&apos;exporter</translation>
    </message>
    <message>
        <source>Open a black-and-white video to start (%1 or drop a file)</source>
        <translation>Ouvrez une vidéo en noir et blanc pour commencer (%1 ou déposez un fichier)</translation>
    </message>
    <message>
        <source>Chromaflow could not finish the preview, the settings or the analysis</source>
        <translation>Chromaflow n&apos;a pas pu terminer l&apos;aperçu, les paramètres ou l&apos;analyse</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>Impossible d&apos;enregistrer le projet</translation>
    </message>
    <message>
        <source>&amp;Next Failure</source>
        <translation>&amp;Défaut suivant</translation>
    </message>
    <message>
        <source>&amp;Analyse in Background</source>
        <translation>Analyser en arrière-&amp;plan</translation>
    </message>
    <message numerus="yes">
        <source>Analysed %1 of %n frame(s)</source>
        <translation>
            <numerusform>%1 image analysée sur %n</numerusform>
            <numerusform>%1 images analysées sur %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n frame(s) at %2 fps</source>
        <translation>
            <numerusform>%1 ouvert : %n image à %2 i/s</numerusform>
            <numerusform>%1 ouvert : %n images à %2 i/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Temps restant %1</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s) still running or queued.</source>
        <translation>
            <numerusform>%n export est encore en cours ou en attente.</numerusform>
            <numerusform>%n exports sont encore en cours ou en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quitting cancels them and removes their unfinished files.</source>
        <translation>Quitter les annule et supprime leurs fichiers inachevés.</translation>
    </message>
    <message>
        <source>Cancel Exports and Quit</source>
        <translation>Annuler les exports et quitter</translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has unsaved changes.</source>
        <translation>Le projet « %1 » contient des modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Voulez-vous les enregistrer ?</translation>
    </message>
    <message>
        <source>&amp;Cache…</source>
        <translation>&amp;Mémoire cache…</translation>
    </message>
    <message>
        <source>Opened the readable part of %1 (truncated file)</source>
        <translation>Partie lisible de %1 ouverte (fichier tronqué)</translation>
    </message>
    <message>
        <source>This video has no sound</source>
        <translation>Cette vidéo n&apos;a pas de son</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is truncated: the file ends before the film does.</source>
        <translation>« %1 » est tronqué : le fichier s&apos;arrête avant la fin du film.</translation>
    </message>
    <message>
        <source>Only the first %1 of its %2 frames can be read.</source>
        <translation>Seules les %1 premières de ses %2 images sont lisibles.</translation>
    </message>
    <message>
        <source>Only its first %1 frames can be read.</source>
        <translation>Seules ses %1 premières images sont lisibles.</translation>
    </message>
    <message>
        <source>You can open and export that part; the rest of the film is not in the file. A complete copy of the video gives the whole film.</source>
        <translation>Vous pouvez ouvrir et exporter cette partie ; le reste du film n&apos;est pas dans le fichier. Une copie complète de la vidéo contient tout le film.</translation>
    </message>
    <message>
        <source>Open the Readable Part</source>
        <translation>Ouvrir la partie lisible</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; has %n damaged frame(s); the first is frame %2.</source>
        <translation>
            <numerusform>« %1 » a %n image endommagée ; la première est l&apos;image %2.</numerusform>
            <numerusform>« %1 » a %n images endommagées ; la première est l&apos;image %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The decoder hid the damage as well as it could, or repeated the frame before. Check those frames in the preview; the colours follow what the damaged pictures show.</source>
        <translation>Le décodeur a masqué les dégâts de son mieux, ou répété l&apos;image précédente. Vérifiez ces images dans l&apos;aperçu ; les couleurs suivent ce que montrent les images endommagées.</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Étalonnage</translation>
    </message>
    <message>
        <source>The chosen model could not be loaded. The previous model and its analysis are kept.</source>
        <translation>Le modèle choisi n&apos;a pas pu être chargé. Le modèle précédent et son analyse sont conservés.</translation>
    </message>
    <message>
        <source>%1 (frame %2 of %3)</source>
        <translation>%1 (image %2 sur %3)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Colourises black-and-white film: a colour network, temporal smoothing along the optical flow, failure inspection, per-shot grading.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, OpenCV and FFmpeg.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chromaflow %1&lt;/h3&gt;&lt;p&gt;Colorise les films en noir et blanc : un réseau de couleur, un lissage temporel le long du flux optique, l&apos;inspection des défauts, l&apos;étalonnage par plan.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2, LibTorch, OpenCV et FFmpeg.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Go to Timecode or Frame…</source>
        <translation>Aller au &amp;timecode ou à l&apos;image…</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Aller à…</translation>
    </message>
    <message>
        <source>Go to a timecode (HH:MM:SS:FF) or a frame number, then press Enter (%1)</source>
        <translation>Aller à un timecode (HH:MM:SS:FF) ou à un numéro d&apos;image, puis appuyer sur Entrée (%1)</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <translation>Le guide de l&apos;utilisateur n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>No program to show the user guide was found.</source>
        <translation>Aucun programme pour afficher le guide de l&apos;utilisateur n&apos;a été trouvé.</translation>
    </message>
    <message>
        <source>It is looked for in share/doc/chromaflow next to the program and in /usr/share/doc/chromaflow.</source>
        <translation>Il est cherché dans share/doc/chromaflow à côté du programme et dans /usr/share/doc/chromaflow.</translation>
    </message>
    <message>
        <source>Open %1 with a text editor or a Markdown viewer.</source>
        <translation>Ouvrez %1 avec un éditeur de texte ou un lecteur Markdown.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timecode (HH:MM:SS:FF) or a frame number of this video (0 to %2)</source>
        <translation>« %1 » n&apos;est ni un timecode (HH:MM:SS:FF) ni un numéro d&apos;image de cette vidéo (0 à %2)</translation>
    </message>
    <message numerus="yes">
        <source>The timestamps of &quot;%1&quot; jump back %n time(s), so the order of its frames cannot be told from them.</source>
        <translation>
            <numerusform>Les horodatages de « %1 » reculent %n fois : l’ordre de ses images ne peut pas en être déduit.</numerusform>
            <numerusform>Les horodatages de « %1 » reculent %n fois : l’ordre de ses images ne peut pas en être déduit.</numerusform>
        </translation>
    </message>
    <message>
        <source>This happens to parts joined into one file, or to a recorder whose clock was reset. Chromaflow can give the frames fresh timestamps in the order they are stored, through a lossless copy in its cache folder, and open that. The original file is not changed; the copy has no sound.</source>
        <translation>Cela arrive aux parties réunies en un seul fichier, ou à un enregistreur dont l’horloge a été remise à zéro. Chromaflow peut donner aux images de nouveaux horodatages dans l’ordre où elles sont stockées, au moyen d’une copie sans perte dans son dossier de cache, puis l’ouvrir. Le fichier d’origine n’est pas modifié ; la copie n’a pas de son.</translation>
    </message>
    <message>
        <source>Regenerate Timestamps</source>
        <translation>Régénérer les horodatages</translation>
    </message>
    <message>
        <source>Giving %1 fresh timestamps…</source>
        <translation>Nouveaux horodatages pour %1…</translation>
    </message>
    <message>
        <source>fresh timestamps</source>
        <translation>nouveaux horodatages</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Could not give the video fresh timestamps</source>
        <translation>Impossible de donner de nouveaux horodatages à la vidéo</translation>
    </message>
    <message>
        <source>Hint Tool</source>
        <translation>Outil d’indication</translation>
    </message>
    <message>
        <source>Click the colourised picture to give a colour at that point (H)</source>
        <translation>Cliquez sur l’image colorisée pour donner une couleur à cet endroit (H)</translation>
    </message>
    <message>
        <source>Delete Hint</source>
        <translation>Supprimer l’indication</translation>
    </message>
    <message>
        <source>Set Reference Image for This Frame…</source>
        <translation>Définir l’image de référence de cette image…</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>Ajouter une image clé ici</translation>
    </message>
    <message>
        <source>Frame %1: click the colourised picture to give a colour, or set a reference image (Edit menu, or drop an image on the preview)</source>
        <translation>Image %1 : cliquez sur l’image colorisée pour donner une couleur, ou définissez une image de référence (menu Édition, ou déposez une image sur l’aperçu)</translation>
    </message>
    <message>
        <source>Reference Image for Frame %1</source>
        <translation>Image de référence de l’image %1</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</source>
        <translation>Fichiers image (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>This image cannot be the reference of frame %1</source>
        <translation>Cette image ne peut pas être la référence de l’image %1</translation>
    </message>
    <message>
        <source>Reference image of frame %1: %2</source>
        <translation>Image de référence de l’image %1 : %2</translation>
    </message>
</context>
<context>
    <name>cf::ui::PreviewWidget</name>
    <message>
        <source>Smoothed (λ %1)</source>
        <translation>Lissé (λ %1)</translation>
    </message>
    <message>
        <source>Colourised (λ %1)</source>
        <translation>Colorisé (λ %1)</translation>
    </message>
    <message>
        <source>Raw network output</source>
        <translation>Sortie brute du réseau</translation>
    </message>
    <message>
        <source>Original (the source has no colours)</source>
        <translation>Original (la source n&apos;a pas de couleurs)</translation>
    </message>
    <message>
        <source>Source colours (reference)</source>
        <translation>Couleurs sources (référence)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>Pas encore disponible</translation>
    </message>
    <message>
        <source>Open a video: File &gt; Open, or drop a file here</source>
        <translation>Ouvrez une vidéo : Fichier &gt; Ouvrir une vidéo, ou déposez un fichier ici</translation>
    </message>
    <message>
        <source>%1 · frame %2</source>
        <translation>%1 · image %2</translation>
    </message>
    <message>
        <source>less sure</source>
        <translation>moins sûr</translation>
    </message>
    <message>
        <source>more sure</source>
        <translation>plus sûr</translation>
    </message>
    <message>
        <source>%1 · keyframe colour being propagated…</source>
        <translation>%1 · couleur des images clés en cours de propagation…</translation>
    </message>
    <message>
        <source>%1 · keyframe colour</source>
        <translation>%1 · couleur des images clés</translation>
    </message>
    <message>
        <source>%1 · keyframe colour not propagated</source>
        <translation>%1 · couleur des images clés non propagée</translation>
    </message>
</context>
<context>
    <name>cf::ui::Project</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>Modifier les réglages</translation>
    </message>
    <message>
        <source>Set λ to %1</source>
        <translation>Régler λ sur %1</translation>
    </message>
    <message>
        <source>Set λ %1 for the shot at frame %2</source>
        <translation>Définir λ %1 pour le plan à l&apos;image %2</translation>
    </message>
    <message>
        <source>Set temperature %1 for the shot at frame %2</source>
        <translation>Définir la température %1 pour le plan à l&apos;image %2</translation>
    </message>
    <message>
        <source>Clear the overrides of the shot at frame %1</source>
        <translation>Effacer les réglages propres au plan à l&apos;image %1</translation>
    </message>
    <message>
        <source>Set in/out range</source>
        <translation>Définir l&apos;entrée et la sortie</translation>
    </message>
    <message>
        <source>Change export settings</source>
        <translation>Modifier les réglages d&apos;export</translation>
    </message>
    <message>
        <source>Add a colour hint on frame %1</source>
        <translation>Ajouter une indication de couleur à l’image %1</translation>
    </message>
    <message>
        <source>Remove a colour hint on frame %1</source>
        <translation>Supprimer une indication de couleur à l’image %1</translation>
    </message>
    <message>
        <source>Change a colour hint on frame %1</source>
        <translation>Modifier une indication de couleur à l’image %1</translation>
    </message>
    <message>
        <source>Remove the reference image of frame %1</source>
        <translation>Supprimer l’image de référence de l’image %1</translation>
    </message>
    <message>
        <source>Set the reference image of frame %1</source>
        <translation>Définir l’image de référence de l’image %1</translation>
    </message>
    <message>
        <source>Move the keyframe %1 to frame %2</source>
        <translation>Déplacer l’image clé %1 vers l’image %2</translation>
    </message>
    <message>
        <source>Remove the keyframe %1</source>
        <translation>Supprimer l’image clé %1</translation>
    </message>
    <message>
        <source>Set the reference strength to %1</source>
        <translation>Régler la force de la référence à %1</translation>
    </message>
    <message>
        <source>Clear the mark of failure %1</source>
        <translation>Effacer la marque du défaut %1</translation>
    </message>
    <message>
        <source>Ignore failure %1</source>
        <translation>Ignorer le défaut %1</translation>
    </message>
    <message>
        <source>Mark failure %1 reviewed</source>
        <translation>Marquer le défaut %1 vérifié</translation>
    </message>
    <message>
        <source>Grade the shot at frame %1</source>
        <translation>Étalonner le plan à l&apos;image %1</translation>
    </message>
</context>
<context>
    <name>cf::ui::ProjectFile</name>
    <message>
        <source>cannot read project %1: %2 at offset %3; check the file is a Chromaflow project</source>
        <translation>impossible de lire le projet %1 : %2 à la position %3 ; vérifiez que le fichier est un projet Chromaflow</translation>
    </message>
    <message>
        <source>cannot read project %1: not a Chromaflow project file</source>
        <translation>impossible de lire le projet %1 : ce n&apos;est pas un fichier de projet Chromaflow</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; choose a writable folder</source>
        <translation>impossible d&apos;enregistrer le projet %1 : %2 ; choisissez un dossier accessible en écriture</translation>
    </message>
    <message>
        <source>cannot save project %1: %2; check the free disk space</source>
        <translation>impossible d&apos;enregistrer le projet %1 : %2 ; vérifiez l&apos;espace disque disponible</translation>
    </message>
    <message>
        <source>cannot open project %1: %2</source>
        <translation>impossible d&apos;ouvrir le projet %1 : %2</translation>
    </message>
    <message>
        <source>cannot open project %1: it is not a regular file (a folder, named pipe or device)</source>
        <translation>impossible d’ouvrir le projet %1 : ce n’est pas un fichier ordinaire (un dossier, un tube nommé ou un périphérique)</translation>
    </message>
    <message>
        <source>cannot read project %1: the grade of the shot at frame %2: %3</source>
        <translation>impossible de lire le projet %1 : l&apos;étalonnage du plan à l&apos;image %2 : %3</translation>
    </message>
    <message>
        <source>cannot open project %1: it was saved by a newer Chromaflow (project format version %2; this version reads up to %3), and opening it here would lose what that version added. Update Chromaflow to open it</source>
        <translation>impossible d’ouvrir le projet %1 : il a été enregistré par un Chromaflow plus récent (version de format de projet %2 ; cette version lit jusqu’à la %3), et l’ouvrir ici perdrait ce que cette version a ajouté. Mettez Chromaflow à jour pour l’ouvrir</translation>
    </message>
    <message>
        <source>cannot read project %1: format version %2 is not supported; check the file is a Chromaflow project</source>
        <translation>impossible de lire le projet %1 : la version de format %2 n’est pas prise en charge ; vérifiez que le fichier est un projet Chromaflow</translation>
    </message>
</context>
<context>
    <name>cf::ui::ReferencePicker</name>
    <message>
        <source>Pick a colour from the reference image</source>
        <translation>Prélever une couleur dans l’image de référence</translation>
    </message>
    <message>
        <source>The reference image %1 could not be read.</source>
        <translation>L’image de référence %1 n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>Click the colour to use.</source>
        <translation>Cliquez sur la couleur à utiliser.</translation>
    </message>
</context>
<context>
    <name>cf::ui::SettingsPanel</name>
    <message>
        <source>Outlier z-score (0 = off)</source>
        <translation>Score z des valeurs aberrantes (0 = désactivé)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Shipped default model</source>
        <translation>Modèle fourni par défaut</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Valeur du modèle</translation>
    </message>
    <message>
        <source>Annealed-mean temperature of classification heads: lower gives bolder colours, higher gives safer, duller ones</source>
        <translation>Température de la moyenne recuite des têtes de classification : plus basse donne des couleurs plus franches, plus haute des couleurs plus sûres mais plus ternes</translation>
    </message>
    <message>
        <source>Height the network works at; the colours are upsampled to the full frame</source>
        <translation>Hauteur à laquelle travaille le réseau ; les couleurs sont ensuite suréchantillonnées à la pleine image</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>(not known until a video is open)</source>
        <translation>(inconnu tant qu&apos;aucune vidéo n&apos;est ouverte)</translation>
    </message>
    <message>
        <source>Temporal smoothing</source>
        <translation>Lissage temporel</translation>
    </message>
    <message>
        <source>Smoothing strength λ: 0 is off; higher values remove more flicker but can smear colours across motion</source>
        <translation>Force du lissage λ : 0 le désactive ; des valeurs plus élevées suppriment davantage de scintillement mais peuvent étaler les couleurs lors des mouvements</translation>
    </message>
    <message>
        <source>DIS (fast)</source>
        <translation>DIS (rapide)</translation>
    </message>
    <message>
        <source>TV-L1 (accurate, slow)</source>
        <translation>TV-L1 (précis, lent)</translation>
    </message>
    <message>
        <source>Optical flow</source>
        <translation>Flux optique</translation>
    </message>
    <message>
        <source>Failure thresholds</source>
        <translation>Seuils de détection des défauts</translation>
    </message>
    <message>
        <source>Current shot</source>
        <translation>Plan actuel</translation>
    </message>
    <message>
        <source>Use this λ for the shot</source>
        <translation>Utiliser ce λ pour le plan</translation>
    </message>
    <message>
        <source>Use this temperature</source>
        <translation>Utiliser cette température</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>No video open</source>
        <translation>Aucune vidéo ouverte</translation>
    </message>
    <message>
        <source>Frames %1-%2</source>
        <translation>Images %1–%2</translation>
    </message>
    <message>
        <source>λ %1 (override)</source>
        <translation>λ %1 (remplacé)</translation>
    </message>
    <message>
        <source>Temperature %1 (override)</source>
        <translation>Température %1 (remplacée)</translation>
    </message>
    <message>
        <source>Uses the global settings</source>
        <translation>Utilise les paramètres globaux</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <source>Chromaflow or TorchScript models (*.cfmodel *.pt *.ts);;All files (*)</source>
        <translation>Modèles Chromaflow ou TorchScript (*.cfmodel *.pt *.ts);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sepia (share of chroma, 0-1)</source>
        <translation>Sépia (part de la chrominance, 0-1)</translation>
    </message>
    <message>
        <source>Flag a frame as sepia when more than this share of its colour lies in the orange-brown hue band</source>
        <translation>Signaler une image comme sépia quand plus de cette part de sa couleur se trouve dans la bande de teintes orange-brun</translation>
    </message>
    <message>
        <source>Minimum colourfulness (0-100)</source>
        <translation>Colorité minimale (0-100)</translation>
    </message>
    <message>
        <source>Flag a frame as washed out when its colourfulness (Hasler-Süsstrunk) is below this value</source>
        <translation>Signaler une image comme délavée quand sa colorité (Hasler-Süsstrunk) est inférieure à cette valeur</translation>
    </message>
    <message>
        <source>Low-confidence area (share, 0-1)</source>
        <translation>Zone peu sûre (part, 0-1)</translation>
    </message>
    <message>
        <source>Flag a frame when more than this share of it has a model confidence below 0.2</source>
        <translation>Signaler une image quand plus de cette part a une confiance du modèle inférieure à 0,2</translation>
    </message>
    <message>
        <source>Flicker (× shot median)</source>
        <translation>Scintillement (× médiane du plan)</translation>
    </message>
    <message>
        <source>Flag a frame when its colour flicker is this many times the median flicker of its shot</source>
        <translation>Signaler une image quand son scintillement de couleur vaut ce nombre de fois la médiane de son plan</translation>
    </message>
    <message>
        <source>Motion (share of width, 0-1)</source>
        <translation>Mouvement (part de la largeur, 0-1)</translation>
    </message>
    <message>
        <source>Flag heavy motion when the mean movement between frames exceeds this share of the frame width</source>
        <translation>Signaler un mouvement fort quand le déplacement moyen entre images dépasse cette part de la largeur de l&apos;image</translation>
    </message>
    <message>
        <source>Occluded area (share, 0-1)</source>
        <translation>Zone occultée (part, 0-1)</translation>
    </message>
    <message>
        <source>Flag heavy motion when this share of the frame is hidden or revealed between frames (an outlier in its shot)</source>
        <translation>Signaler un mouvement fort quand cette part de l&apos;image est masquée ou révélée entre images (une valeur aberrante dans son plan)</translation>
    </message>
    <message>
        <source>Also flag a frame whose measures stand out from the rest of its shot by more than this robust z-score; 0 turns it off</source>
        <translation>Signaler aussi une image dont les mesures s&apos;écartent du reste de son plan de plus que ce z-score robuste ; 0 désactive</translation>
    </message>
    <message>
        <source>The colourisation model: the shipped one, one installed in a models folder, or any model file</source>
        <translation>Le modèle de colorisation : celui fourni, un modèle installé dans un dossier de modèles, ou tout fichier de modèle</translation>
    </message>
    <message>
        <source>Temperature (0-2)</source>
        <translation>Température (0-2)</translation>
    </message>
    <message>
        <source>Working height (px)</source>
        <translation>Hauteur de travail (px)</translation>
    </message>
    <message>
        <source>Where the network runs: Automatic uses a CUDA GPU when there is one</source>
        <translation>Où s&apos;exécute le réseau : Automatique utilise un GPU CUDA s&apos;il y en a un</translation>
    </message>
    <message>
        <source>The device the network actually runs on</source>
        <translation>L&apos;appareil sur lequel le réseau s&apos;exécute réellement</translation>
    </message>
    <message>
        <source>Smoothing λ</source>
        <translation>Lissage λ</translation>
    </message>
    <message>
        <source>How motion between frames is measured for the smoothing: DIS is fast, TV-L1 is the most accurate</source>
        <translation>Comment le mouvement entre images est mesuré pour le lissage : DIS est rapide, TV-L1 le plus précis</translation>
    </message>
    <message>
        <source>Smooth the shot under the playhead with the λ above</source>
        <translation>Lisser le plan sous la tête de lecture avec le λ ci-dessus</translation>
    </message>
    <message>
        <source>Colour the shot under the playhead at the temperature above</source>
        <translation>Coloriser le plan sous la tête de lecture à la température ci-dessus</translation>
    </message>
    <message>
        <source>The shot under the playhead goes back to the global settings</source>
        <translation>Le plan sous la tête de lecture revient aux réglages globaux</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Autre fichier…</translation>
    </message>
    <message>
        <source>Choose a .cfmodel or TorchScript file anywhere</source>
        <translation>Choisir un fichier .cfmodel ou TorchScript n&apos;importe où</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a model Chromaflow can use. The current model stays in use.</source>
        <translation>« %1 » n&apos;est pas un modèle utilisable par Chromaflow. Le modèle actuel reste utilisé.</translation>
    </message>
    <message>
        <source>Choose a Chromaflow model (.cfmodel) or a TorchScript model (.pt, .ts).</source>
        <translation>Choisissez un modèle Chromaflow (.cfmodel) ou un modèle TorchScript (.pt, .ts).</translation>
    </message>
</context>
<context>
    <name>cf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>cf::ui::SuggestedColours</name>
    <message>
        <source>Colour of the hint</source>
        <translation>Couleur de l’indication</translation>
    </message>
    <message>
        <source>Colour of this point</source>
        <translation>Couleur de ce point</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Autre couleur…</translation>
    </message>
    <message>
        <source>Pick from the reference image…</source>
        <translation>Prélever dans l’image de référence…</translation>
    </message>
    <message>
        <source>Asking the model for its likely colours…</source>
        <translation>Interrogation du modèle sur ses couleurs probables…</translation>
    </message>
    <message>
        <source>%1 (%2 % likely)</source>
        <translation>%1 (probable à %2 %)</translation>
    </message>
    <message>
        <source>The model&apos;s most likely colours here, most likely first</source>
        <translation>Les couleurs les plus probables selon le modèle à cet endroit, la plus probable d’abord</translation>
    </message>
</context>
<context>
    <name>cf::ui::TimelineWidget</name>
    <message>
        <source>Open a video to see its timeline</source>
        <translation>Ouvrez une vidéo pour voir sa ligne temporelle</translation>
    </message>
    <message>
        <source>Colourfulness</source>
        <translation>Richesse chromatique</translation>
    </message>
    <message>
        <source>Flicker</source>
        <translation>Scintillement</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>%1, frames %2-%3: %4</source>
        <translation>%1, images %2–%3 : %4</translation>
    </message>
    <message>
        <source>Frame %1 (%2)</source>
        <translation>Image %1 (%2)</translation>
    </message>
    <message>
        <source>Colourfulness %1, flicker %2, confidence %3</source>
        <translation>Richesse chromatique %1, scintillement %2, confiance %3</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sépia</translation>
    </message>
    <message>
        <source>Low confidence</source>
        <translation>Faible confiance</translation>
    </message>
    <message>
        <source>Heavy motion</source>
        <translation>Mouvement important</translation>
    </message>
    <message>
        <source>Desaturated (colour averaging)</source>
        <translation>Désaturé (moyennage des couleurs)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Colourise black-and-white video.</source>
        <translation>Coloriser des vidéos en noir et blanc.</translation>
    </message>
    <message>
        <source>Video or project to open.</source>
        <translation>Vidéo ou projet à ouvrir.</translation>
    </message>
    <message>
        <source>Open the file, wait for its first preview, save a screenshot of the window to &lt;png&gt; and quit (for documentation, e.g. under Xvfb).</source>
        <translation>Ouvrir le fichier, attendre son premier aperçu, enregistrer une capture de la fenêtre dans &lt;png&gt; puis quitter (pour la documentation, p. ex. sous Xvfb).</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de, fr, es or zh_CN (default: the View &gt; Language setting, else the system locale).</source>
        <translation>Langue de l&apos;interface pour cette exécution : en, de, fr, es ou zh_CN (par défaut : le réglage Affichage &gt; Langue, sinon la langue du système).</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;; use one of: %2</source>
        <translation>langue inconnue « %1 » ; utilisez l&apos;une de : %2</translation>
    </message>
    <message>
        <source>With --screenshot: seconds to wait after the first preview (default 3; longer lets keyframe colour propagate).</source>
        <translation>Avec --screenshot : secondes d’attente après le premier aperçu (3 par défaut ; plus long laisse la couleur des images clés se propager).</translation>
    </message>
    <message>
        <source>Open the video at this frame (0-based) instead of the first.</source>
        <translation>Ouvrir la vidéo à cette image (numérotée à partir de 0) au lieu de la première.</translation>
    </message>
    <message>
        <source>--frame needs a frame number (0 or more), not &apos;%1&apos;</source>
        <translation>--frame attend un numéro d’image (0 ou plus), pas &apos;%1&apos;</translation>
    </message>
</context>
</TS>
