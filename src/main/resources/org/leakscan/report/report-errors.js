(function(){var d=document.documentElement;function note(a,m){d.setAttribute(a,(d.getAttribute(a)||"")+m+"\n");}
window.addEventListener("error",function(e){note("data-js-errors",(e.message||"error")+" (line "+(e.lineno||0)+")");});
document.addEventListener("securitypolicyviolation",function(e){note("data-csp-violations",e.violatedDirective+" "+(e.blockedURI||""));});})();
