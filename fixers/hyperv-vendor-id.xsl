<?xml version="1.0"?>
<!-- hyperv-vendor-id: replace a vendor_id value libvirt refuses (longer than
     12 bytes, or with a comma) by the one the rule computed: the value
     without commas, cut to 12 bytes.
     Parameters: targets, the vl:id of the <vendor_id>; value, its new value
     (there is at most one <vendor_id>, so at most one value). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="value"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/features/hyperv/vendor_id">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) and $value != ''">
        <xsl:attribute name="value"><xsl:value-of select="$value"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
