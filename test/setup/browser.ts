// Browser tests load the kit's stylesheet so that what is hidden, visible and focusable is real.
import '../../src/styles.css';
